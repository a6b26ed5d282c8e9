namespace Linkage.Synthetic;

/// <summary>Items drawn in proportion to integer weights (cumulative sums and a binary search, exact per seed).</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly long[] _cumulative;

    public WeightedTable(IEnumerable<(T Item, int Weight)> entries)
    {
        var items = new List<T>();
        var cumulative = new List<long>();
        long total = 0;
        foreach (var (item, weight) in entries)
        {
            if (weight <= 0)
            {
                continue;
            }
            total += weight;
            items.Add(item);
            cumulative.Add(total);
        }
        if (items.Count == 0)
        {
            throw new InvalidOperationException("a weighted table needs at least one item with a positive weight");
        }
        _items = [.. items];
        _cumulative = [.. cumulative];
    }

    public T Pick(SeededRandom random)
    {
        var target = (long)random.NextUInt64Below((ulong)_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, target + 1);
        return _items[index >= 0 ? index : ~index];
    }
}
