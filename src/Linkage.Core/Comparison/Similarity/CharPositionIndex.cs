namespace Linkage.Comparison.Similarity;

/// <summary>
/// For a query too long for one mask word, the ascending positions of each distinct character, grouped by a
/// small slot number per character. Immutable once built.
/// </summary>
internal sealed class CharPositionIndex
{
    private readonly Dictionary<char, int> _slotOfChar = [];
    private readonly int[] _slotStarts;
    private readonly int[] _positions;

    public CharPositionIndex(ReadOnlySpan<char> query)
    {
        var counts = new List<int>();
        foreach (var c in query)
        {
            if (_slotOfChar.TryGetValue(c, out var slot))
            {
                counts[slot]++;
            }
            else
            {
                _slotOfChar.Add(c, counts.Count);
                counts.Add(1);
            }
        }
        _slotStarts = new int[counts.Count + 1];
        for (var slot = 0; slot < counts.Count; slot++)
        {
            _slotStarts[slot + 1] = _slotStarts[slot] + counts[slot];
        }
        _positions = new int[query.Length];
        var next = _slotStarts[..^1];
        for (var i = 0; i < query.Length; i++)
        {
            _positions[next[_slotOfChar[query[i]]]++] = i;
        }
    }

    /// <summary>How many distinct characters the query holds.</summary>
    public int SlotCount => _slotStarts.Length - 1;

    /// <summary>The slot of <paramref name="c"/>, or -1 when the query lacks it.</summary>
    public int SlotOf(char c) => _slotOfChar.TryGetValue(c, out var slot) ? slot : -1;

    /// <summary>Where the positions of <paramref name="slot"/> start in <see cref="Positions"/>.</summary>
    public int SlotStart(int slot) => _slotStarts[slot];

    /// <summary>Where the positions of <paramref name="slot"/> end (exclusive).</summary>
    public int SlotEnd(int slot) => _slotStarts[slot + 1];

    /// <summary>Every query position, ascending within each slot.</summary>
    public ReadOnlySpan<int> Positions => _positions;
}
