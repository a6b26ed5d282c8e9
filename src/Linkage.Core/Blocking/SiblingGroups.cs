namespace Linkage.Blocking;

/// <summary>One side's sibling groups as flat arrays: each record's dense group number and each group's members.</summary>
internal sealed class SiblingGroups
{
    /// <summary>Per record, its group number; 0 for a record without a group.</summary>
    private readonly int[] _groupOf;
    /// <summary>Members of group g are <see cref="_members"/>[_start[g] .. _start[g + 1]].</summary>
    private readonly int[] _start;
    private readonly int[] _members;

    private SiblingGroups(int[] groupOf, int[] start, int[] members)
    {
        _groupOf = groupOf;
        _start = start;
        _members = members;
    }

    /// <summary>Groups are numbered 1 to this.</summary>
    public int Count => _start.Length - 2;

    public static SiblingGroups Of(IBlockingKeySource source)
    {
        var numbers = new Dictionary<int, int>();
        var groupOf = new int[source.Count];
        for (var record = 0; record < source.Count; record++)
        {
            var id = source.SiblingGroup(record);
            if (id != 0)
            {
                if (!numbers.TryGetValue(id, out var number))
                {
                    numbers[id] = number = numbers.Count + 1;
                }
                groupOf[record] = number;
            }
        }
        var start = new int[numbers.Count + 2];
        foreach (var number in groupOf)
        {
            start[number + 1] += number == 0 ? 0 : 1;
        }
        for (var g = 1; g < start.Length; g++)
        {
            start[g] += start[g - 1];
        }
        var members = new int[start[^1]];
        var filled = (int[])start.Clone();
        for (var record = 0; record < groupOf.Length; record++)
        {
            if (groupOf[record] != 0)
            {
                members[filled[groupOf[record]]++] = record;
            }
        }
        return new SiblingGroups(groupOf, start, members);
    }

    /// <summary>The record's group number, 0 when it has none.</summary>
    public int GroupOf(int record) => _groupOf[record];

    /// <summary>Every member of group <paramref name="group"/> (1 to <see cref="Count"/>), in record order.</summary>
    public ReadOnlySpan<int> Members(int group) => _members.AsSpan(_start[group], _start[group + 1] - _start[group]);
}
