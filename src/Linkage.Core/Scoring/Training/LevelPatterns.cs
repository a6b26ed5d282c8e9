namespace Linkage.Scoring.Training;

/// <summary>
/// Pairs summarised as their distinct level vectors, each with how many pairs showed it and, for labelled
/// pairs, how many of those were matches. Training works on patterns, not pairs: a few thousand distinct
/// vectors stand for millions of pairs, so each EM or Newton step costs little. Labelled pairs also carry an
/// offset (the term-frequency adjustments scoring adds on top of the level weights): pairs with one level vector
/// but offsets more than <see cref="OffsetBucket"/> apart are kept as separate patterns, each with its mean offset.
/// </summary>
internal sealed class LevelPatterns
{
    private readonly Dictionary<byte[], int> _index = new(PatternComparer.Instance);
    private readonly List<byte[]> _levels = new();
    private readonly List<double> _counts = new();
    private readonly List<double> _matches = new();
    private readonly List<double> _offsetSums = new();

    /// <summary>Offsets (in bits) are told apart to this width; within it pairs share a pattern.</summary>
    public const double OffsetBucket = 0.05;

    public LevelPatterns(int comparisons) => Comparisons = comparisons;

    public int Comparisons { get; }

    public int Count => _levels.Count;

    public double TotalCount { get; private set; }

    public double TotalMatches { get; private set; }

    public ReadOnlySpan<byte> Levels(int pattern) => _levels[pattern].AsSpan(0, Comparisons);

    /// <summary>The mean offset, in bits, of the pattern's pairs (0 for pairs added without one).</summary>
    public double OffsetOf(int pattern) => _counts[pattern] > 0 ? _offsetSums[pattern] / _counts[pattern] : 0;

    /// <summary>Pairs that showed the pattern.</summary>
    public double CountOf(int pattern) => _counts[pattern];

    /// <summary>Labelled matches among them (0 for unlabelled pairs).</summary>
    public double MatchesOf(int pattern) => _matches[pattern];

    /// <param name="offset">The pairs' offset in bits (their term-frequency adjustments), the same for each.</param>
    public void Add(ReadOnlySpan<byte> levels, double count = 1, double matches = 0, double offset = 0)
    {
        if (levels.Length != Comparisons)
        {
            throw new ArgumentException($"expected {Comparisons} levels, got {levels.Length}", nameof(levels));
        }
        // The key is the levels then the offset's bucket; looked up by span, so a pattern seen before allocates nothing.
        Span<byte> key = stackalloc byte[Comparisons + sizeof(int)];
        levels.CopyTo(key);
        BitConverter.TryWriteBytes(key[Comparisons..], (int)Math.Round(offset / OffsetBucket));
        var lookup = _index.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!lookup.TryGetValue(key, out var pattern))
        {
            pattern = _levels.Count;
            var stored = key.ToArray();
            _index.Add(stored, pattern);
            _levels.Add(stored);
            _counts.Add(0);
            _matches.Add(0);
            _offsetSums.Add(0);
        }
        _counts[pattern] += count;
        _matches[pattern] += matches;
        _offsetSums[pattern] += offset * count;
        TotalCount += count;
        TotalMatches += matches;
    }

    public void AddAll(LevelPatterns other)
    {
        for (var p = 0; p < other.Count; p++)
        {
            Add(other.Levels(p), other.CountOf(p), other.MatchesOf(p), other.OffsetOf(p));
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
