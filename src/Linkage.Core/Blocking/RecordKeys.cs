namespace Linkage.Blocking;

/// <summary>
/// One side's keys under every blocking rule, computed once: record r's keys under rule k are
/// <see cref="Of"/>(k, r). A reference's keys are read for its own candidates and again for each of its siblings'
/// under a <c>sibling_cross</c> rule, so holding them saves computing them per use.
/// </summary>
internal sealed class RecordKeys
{
    /// <summary>Per rule, record r's keys are <see cref="_keys"/>[rule][_starts[rule][r] .. _starts[rule][r + 1]].</summary>
    private readonly int[][] _starts;
    private readonly ulong[][] _keys;

    private RecordKeys(int[][] starts, ulong[][] keys, SiblingGroups? groups)
    {
        _starts = starts;
        _keys = keys;
        Groups = groups;
    }

    /// <summary>The side's sibling groups, when a <c>sibling_cross</c> rule needs them.</summary>
    public SiblingGroups? Groups { get; }

    public static RecordKeys Compute(IReadOnlyList<BlockingRule> rules, IBlockingKeySource source, ParallelOptions? parallel = null)
    {
        var starts = new int[rules.Count][];
        var keys = new ulong[rules.Count][];
        Parallel.For(0, rules.Count, parallel ?? new ParallelOptions(), rule =>
        {
            var start = new int[source.Count + 1];
            var all = new List<ulong>(source.Count);
            var record = new List<ulong>();
            var scratch = new List<ulong>();
            for (var r = 0; r < source.Count; r++)
            {
                BlockKeys.Compute(rules[rule], source, r, record, scratch);
                all.AddRange(record);
                start[r + 1] = all.Count;
            }
            starts[rule] = start;
            keys[rule] = [.. all];
        });
        return new RecordKeys(starts, keys, rules.Any(r => r.IsSiblingCross) ? SiblingGroups.Of(source) : null);
    }

    /// <summary>The keys <paramref name="record"/> has under rule <paramref name="rule"/>.</summary>
    public ReadOnlySpan<ulong> Of(int rule, int record) =>
        _keys[rule].AsSpan(_starts[rule][record], _starts[rule][record + 1] - _starts[rule][record]);
}
