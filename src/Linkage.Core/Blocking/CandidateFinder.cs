namespace Linkage.Blocking;

/// <summary>
/// Finds one reference's candidate listings under all rules, united and deduplicated, remembering which
/// rules proposed each. One finder per worker thread: it reuses its buffers across references.
/// </summary>
internal sealed class CandidateFinder
{
    private readonly BlockingIndex _index;
    private readonly IBlockingKeySource _references;
    private readonly int[] _seenAt;
    private readonly int[] _slotOf;
    private readonly List<ulong> _keys = new();
    private readonly List<int> _candidates = new();
    private readonly List<uint> _ruleMasks = new();
    private int _stamp;

    public CandidateFinder(BlockingIndex index, IBlockingKeySource references, int listingCount)
    {
        _index = index;
        _references = references;
        _seenAt = new int[listingCount];
        _slotOf = new int[listingCount];
    }

    /// <summary>Listing indices proposed for the last reference found.</summary>
    public IReadOnlyList<int> Candidates => _candidates;

    /// <summary>For each candidate, a bit per blocking rule that proposed it.</summary>
    public IReadOnlyList<uint> RuleMasks => _ruleMasks;

    /// <summary>The rules that proposed <paramref name="listing"/> for the last reference found; 0 if none did.</summary>
    public uint RuleMaskOf(int listing) => _seenAt[listing] == _stamp ? _ruleMasks[_slotOf[listing]] : 0;

    public void Find(int reference)
    {
        _candidates.Clear();
        _ruleMasks.Clear();
        _stamp++;
        for (var rule = 0; rule < _index.Rules.Count; rule++)
        {
            BlockKeys.Compute(_index.Rules[rule], _references, reference, _keys);
            foreach (var key in _keys)
            {
                foreach (var listing in _index.Block(rule, key))
                {
                    // A stamp per reference marks listings already proposed, so nothing is cleared between references.
                    if (_seenAt[listing] != _stamp)
                    {
                        _seenAt[listing] = _stamp;
                        _slotOf[listing] = _candidates.Count;
                        _candidates.Add(listing);
                        _ruleMasks.Add(1u << rule);
                    }
                    else
                    {
                        _ruleMasks[_slotOf[listing]] |= 1u << rule;
                    }
                }
            }
        }
    }
}
