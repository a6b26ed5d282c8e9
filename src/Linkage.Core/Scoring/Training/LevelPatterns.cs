namespace Linkage.Scoring.Training;

/// <summary>
/// Pairs summarised as their distinct level vectors, each with how many pairs showed it and, for labelled
/// pairs, how many of those were matches. Training works on patterns, not pairs: a few thousand distinct
/// vectors stand for millions of pairs, so each EM or Newton step costs little.
/// </summary>
internal sealed class LevelPatterns
{
    private readonly Dictionary<byte[], int> _index = new(PatternComparer.Instance);
    private readonly List<byte[]> _levels = new();
    private readonly List<double> _counts = new();
    private readonly List<double> _matches = new();

    public LevelPatterns(int comparisons) => Comparisons = comparisons;

    public int Comparisons { get; }

    public int Count => _levels.Count;

    public double TotalCount { get; private set; }

    public double TotalMatches { get; private set; }

    public ReadOnlySpan<byte> Levels(int pattern) => _levels[pattern];

    /// <summary>Pairs that showed the pattern.</summary>
    public double CountOf(int pattern) => _counts[pattern];

    /// <summary>Labelled matches among them (0 for unlabelled pairs).</summary>
    public double MatchesOf(int pattern) => _matches[pattern];

    public void Add(ReadOnlySpan<byte> levels, double count = 1, double matches = 0)
    {
        if (levels.Length != Comparisons)
        {
            throw new ArgumentException($"expected {Comparisons} levels, got {levels.Length}", nameof(levels));
        }
        // Looked up by span, so a pattern seen before allocates nothing.
        var lookup = _index.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!lookup.TryGetValue(levels, out var pattern))
        {
            pattern = _levels.Count;
            var key = levels.ToArray();
            _index.Add(key, pattern);
            _levels.Add(key);
            _counts.Add(0);
            _matches.Add(0);
        }
        _counts[pattern] += count;
        _matches[pattern] += matches;
        TotalCount += count;
        TotalMatches += matches;
    }

    public void AddAll(LevelPatterns other)
    {
        for (var p = 0; p < other.Count; p++)
        {
            Add(other.Levels(p), other.CountOf(p), other.MatchesOf(p));
        }
    }

    private sealed class PatternComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly PatternComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
