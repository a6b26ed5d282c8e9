namespace Linkage.Blocking;

/// <summary>
/// Finds one reference's candidate listings under all rules, united and deduplicated, remembering which
/// rules proposed each. One finder per worker thread: it reuses its buffers across references.
/// </summary>
internal sealed class CandidateFinder
{
    private readonly BlockingIndex _index;
    private readonly RecordKeys _references;
    private readonly int[] _seenAt;
    private readonly int[] _slotOf;
    /// <summary>Per listing sibling group, the stamp of the last sibling-cross pass that proposed its members.</summary>
    private readonly int[] _groupSeenAt;
    private readonly List<int> _candidates = new();
    private readonly List<uint> _ruleMasks = new();
    /// <summary>Per listing, whether it is new (see the constructor); null when every pair counts.</summary>
    private readonly bool[]? _newListings;
    /// <summary>Per candidate, whether the pair is new: with a new listing, or proposed through one.</summary>
    private readonly List<bool> _newPairs = new();
    /// <summary>Per listing sibling group, the stamp of the last sibling-cross pass that proposed it through a new listing.</summary>
    private readonly int[] _groupSeenNewAt;
    private int _stamp;
    private int _groupStamp;

    /// <param name="newListings">
    /// When given, only new pairs are candidates: those with a new listing, and those a <c>sibling_cross</c> rule
    /// proposes through a new listing (a sibling's pair with it opens the group). Every other pair was proposed
    /// before the new listings came, so merging them into stored lists needs only these.
    /// </param>
    public CandidateFinder(BlockingIndex index, RecordKeys references, int listingCount, bool[]? newListings = null)
    {
        _index = index;
        _references = references;
        _seenAt = new int[listingCount];
        _slotOf = new int[listingCount];
        _newListings = newListings;
        if (index.ListingGroups is { } listingGroups)
        {
            _groupSeenAt = new int[listingGroups.Count + 1];
            _groupSeenNewAt = new int[listingGroups.Count + 1];
        }
        else
        {
            _groupSeenAt = [];
            _groupSeenNewAt = [];
        }
    }

    /// <summary>A finder for references whose keys are not yet computed; several finders over one side share <see cref="RecordKeys"/>.</summary>
    public CandidateFinder(BlockingIndex index, IBlockingKeySource references, int listingCount)
        : this(index, RecordKeys.Compute(index.Rules, references), listingCount)
    {
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
        _newPairs.Clear();
        _stamp++;
        var rules = _index.Rules;
        for (var rule = 0; rule < rules.Count; rule++)
        {
            if (rules[rule].IsSiblingCross)
            {
                ProposeSiblingGroups(reference, rule, rules[rule].ViaMask);
                continue;
            }
            foreach (var key in _references.Of(rule, reference))
            {
                foreach (var listing in _index.Block(rule, key))
                {
                    Propose(listing, rule, throughNew: false);
                }
            }
        }
        if (_newListings is not null)
        {
            KeepNewPairs();
        }
    }

    private void KeepNewPairs()
    {
        var kept = 0;
        for (var i = 0; i < _candidates.Count; i++)
        {
            var listing = _candidates[i];
            if (_newPairs[i] || _newListings![listing])
            {
                _candidates[kept] = listing;
                _ruleMasks[kept] = _ruleMasks[i];
                _slotOf[listing] = kept++;
            }
            else
            {
                _seenAt[listing] = 0;
            }
        }
        _candidates.RemoveRange(kept, _candidates.Count - kept);
        _ruleMasks.RemoveRange(kept, _ruleMasks.Count - kept);
    }

    /// <summary>
    /// Every listing of every listing sibling group in which a via rule proposes a candidate for another child of
    /// the reference's sibling group: siblings listed together are evidence for each other's pairs, which the
    /// other rules may miss.
    /// </summary>
    private void ProposeSiblingGroups(int reference, int rule, uint viaMask)
    {
        var listingGroups = _index.ListingGroups!;
        var referenceGroups = _references.Groups!;
        var group = referenceGroups.GroupOf(reference);
        if (group == 0)
        {
            return;
        }
        _groupStamp++;
        var rules = _index.Rules;
        foreach (var sibling in referenceGroups.Members(group))
        {
            if (sibling == reference)
            {
                continue;
            }
            for (var via = 0; via < rules.Count; via++)
            {
                if ((viaMask & (1u << via)) == 0)
                {
                    continue;
                }
                foreach (var key in _references.Of(via, sibling))
                {
                    foreach (var siblingCandidate in _index.Block(via, key))
                    {
                        var listingGroup = listingGroups.GroupOf(siblingCandidate);
                        var throughNew = _newListings is not null && _newListings[siblingCandidate];
                        if (listingGroup == 0
                            || (_groupSeenAt[listingGroup] == _groupStamp && (!throughNew || _groupSeenNewAt[listingGroup] == _groupStamp)))
                        {
                            continue;
                        }
                        _groupSeenAt[listingGroup] = _groupStamp;
                        if (throughNew)
                        {
                            _groupSeenNewAt[listingGroup] = _groupStamp;
                        }
                        foreach (var listing in listingGroups.Members(listingGroup))
                        {
                            Propose(listing, rule, throughNew);
                        }
                    }
                }
            }
        }
    }

    private void Propose(int listing, int rule, bool throughNew)
    {
        // A stamp per reference marks listings already proposed, so nothing is cleared between references.
        if (_seenAt[listing] != _stamp)
        {
            _seenAt[listing] = _stamp;
            _slotOf[listing] = _candidates.Count;
            _candidates.Add(listing);
            _ruleMasks.Add(1u << rule);
            _newPairs.Add(throughNew);
        }
        else
        {
            var slot = _slotOf[listing];
            _ruleMasks[slot] |= 1u << rule;
            _newPairs[slot] |= throughNew;
        }
    }
}
