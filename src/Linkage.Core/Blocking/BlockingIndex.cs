namespace Linkage.Blocking;

/// <summary>
/// The listing side indexed under every blocking rule: for each rule and key, the listings that have it,
/// stored as one flat array of listing indices per rule.
/// </summary>
internal sealed class BlockingIndex
{
    private readonly RuleIndex[] _rules;

    private BlockingIndex(IReadOnlyList<BlockingRule> rules, RuleIndex[] indexes, SiblingGroups? listingGroups)
    {
        Rules = rules;
        _rules = indexes;
        ListingGroups = listingGroups;
    }

    public IReadOnlyList<BlockingRule> Rules { get; }

    /// <summary>The listings' sibling groups, when a sibling-cross rule needs them.</summary>
    public SiblingGroups? ListingGroups { get; }

    public static BlockingIndex Build(IReadOnlyList<BlockingRule> rules, IBlockingKeySource listings)
    {
        if (rules.Count > 32)
        {
            throw new InvalidDataException("at most 32 blocking rules are supported");
        }
        var indexes = new RuleIndex[rules.Count];
        Parallel.For(0, rules.Count, r => indexes[r] = RuleIndex.Build(rules[r], listings));
        return new BlockingIndex(rules, indexes, rules.Any(r => r.IsSiblingCross) ? SiblingGroups.Of(listings) : null);
    }

    /// <summary>The listings sharing <paramref name="key"/> under rule <paramref name="rule"/>.</summary>
    public ReadOnlySpan<int> Block(int rule, ulong key) => _rules[rule].Block(key);

    /// <summary>Sizes of every block of a rule, for blocking reports.</summary>
    public IEnumerable<(ulong Key, int Size)> BlockSizes(int rule) => _rules[rule].BlockSizes();

    private sealed class RuleIndex
    {
        private readonly Dictionary<ulong, (int Start, int Count)> _blocks;
        private readonly int[] _listings;

        private RuleIndex(Dictionary<ulong, (int, int)> blocks, int[] listings)
        {
            _blocks = blocks;
            _listings = listings;
        }

        public static RuleIndex Build(BlockingRule rule, IBlockingKeySource source)
        {
            var entries = new List<(ulong Key, int Listing)>(source.Count);
            var keys = new List<ulong>();
            var scratch = new List<ulong>();
            for (var i = 0; i < source.Count; i++)
            {
                BlockKeys.Compute(rule, source, i, keys, scratch);
                foreach (var key in keys)
                {
                    entries.Add((key, i));
                }
            }
            entries.Sort();
            var listings = new int[entries.Count];
            var blocks = new Dictionary<ulong, (int, int)>();
            var start = 0;
            for (var e = 0; e < entries.Count; e++)
            {
                listings[e] = entries[e].Listing;
                if (e + 1 == entries.Count || entries[e + 1].Key != entries[e].Key)
                {
                    blocks.Add(entries[e].Key, (start, e + 1 - start));
                    start = e + 1;
                }
            }
            return new RuleIndex(blocks, listings);
        }

        public ReadOnlySpan<int> Block(ulong key) =>
            _blocks.TryGetValue(key, out var block) ? _listings.AsSpan(block.Start, block.Count) : [];

        public IEnumerable<(ulong, int)> BlockSizes() => _blocks.Select(b => (b.Key, b.Value.Count));
    }
}
