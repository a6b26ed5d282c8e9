namespace Linkage.Scoring.Training;

/// <summary>
/// Pairs summarised as their distinct level vectors, each with how many pairs showed it and, for labelled
/// pairs, how many of those were matches. Training works on patterns, not pairs: a few thousand distinct
/// vectors stand for millions of pairs, so each EM or Newton step costs little.
/// </summary>
internal sealed class LevelPatterns
{
    private readonly Dictionary<PatternKey, int> _index = new();
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
        var key = new PatternKey(levels.ToArray());
        if (!_index.TryGetValue(key, out var pattern))
        {
            pattern = _levels.Count;
            _index.Add(key, pattern);
            _levels.Add(key.Levels);
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

    private readonly struct PatternKey(byte[] levels) : IEquatable<PatternKey>
    {
        public byte[] Levels { get; } = levels;

        public bool Equals(PatternKey other) => Levels.AsSpan().SequenceEqual(other.Levels);

        public override bool Equals(object? obj) => obj is PatternKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.AddBytes(Levels);
            return hash.ToHashCode();
        }
    }
}
