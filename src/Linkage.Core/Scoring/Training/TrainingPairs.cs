using Linkage.Blocking;
using Linkage.Comparison;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Synthetic;

namespace Linkage.Scoring.Training;

/// <summary>
/// Both sides prepared once, and the level vectors training reads from them: random pairs for u, each blocking
/// rule's candidate pairs for EM, and labelled candidate pairs split by reference into a training and a
/// held-back part.
/// </summary>
internal sealed class TrainingPairs
{
    private readonly LinkSession _session;
    private readonly IReadOnlyList<BlockingRule> _rules;

    private TrainingPairs(LinkSession session, IReadOnlyList<BlockingRule> rules)
    {
        _session = session;
        _rules = rules;
        Shape = ModelShape.Of(session.Model);
    }

    public ModelShape Shape { get; }

    public int References => _session.References.Count;

    public int Listings => _session.Listings.Count;

    public static TrainingPairs Prepare(
        IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, LinkEngine engine, ParallelOptions parallel) =>
        new(LinkSession.Prepare(references, listings, engine, parallel), engine.BlockingRules);

    /// <summary>
    /// Level vectors of <paramref name="count"/> reference–listing pairs drawn uniformly with replacement
    /// (never the cross product), grouped by reference so each reference's cached scorers are built once.
    /// </summary>
    public LevelPatterns SampleRandomPairs(int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var pairs = new (int Reference, int Listing)[count];
        for (var i = 0; i < count; i++)
        {
            pairs[i] = (random.NextInt(References), random.NextInt(Listings));
        }
        Array.Sort(pairs);
        var patterns = new LevelPatterns(Shape.Comparisons);
        var cursors = OpenCursors();
        var levels = new byte[Shape.Comparisons];
        var current = -1;
        foreach (var (reference, listing) in pairs)
        {
            if (reference != current)
            {
                MoveTo(cursors, reference);
                current = reference;
            }
            Level(cursors, listing, levels);
            patterns.Add(levels);
        }
        return patterns;
    }

    /// <summary>
    /// One pass over every blocked candidate pair: the level patterns each rule proposed (a pair proposed by two
    /// rules is in both), and, when <paramref name="labels"/> are given, the labelled pairs split into training
    /// and held-back parts by reference, each with its term-frequency adjustments under
    /// <paramref name="adjustments"/> as its offset.
    /// </summary>
    public BlockedPatterns Block(
        IReadOnlyList<ReferenceRecord> references, TrainingLabels? labels, double heldOutShare, ulong seed, CompiledModel adjustments)
    {
        var perRule = _rules.Select(_ => new LevelPatterns(Shape.Comparisons)).ToArray();
        var training = new LevelPatterns(Shape.Comparisons);
        var heldOut = new LevelPatterns(Shape.Comparisons);
        var index = BlockingIndex.Build(_rules, _session.Listings);
        var finder = new CandidateFinder(index, _session.References, Listings);
        var cursors = OpenCursors();
        var levels = new byte[Shape.Comparisons];
        var matches = labels?.Matches.ToHashSet() ?? [];
        var nonMatches = labels?.NonMatches.ToHashSet() ?? [];
        var random = new SeededRandom(seed);
        var heldBackReferences = new HashSet<string>(StringComparer.Ordinal);
        long candidatePairs = 0;
        var labelledMatchesFound = 0;
        for (var r = 0; r < References; r++)
        {
            var heldBack = random.NextDouble() < heldOutShare;
            if (heldBack)
            {
                heldBackReferences.Add(references[r].RecordId);
            }
            finder.Find(r);
            MoveTo(cursors, r);
            var candidates = finder.Candidates;
            candidatePairs += candidates.Count;
            for (var i = 0; i < candidates.Count; i++)
            {
                var listing = candidates[i];
                Level(cursors, listing, levels);
                for (uint mask = finder.RuleMasks[i], rule = 0; mask != 0; mask >>= 1, rule++)
                {
                    if ((mask & 1) != 0)
                    {
                        perRule[rule].Add(levels);
                    }
                }
                if (labels is null)
                {
                    continue;
                }
                // The session holds listings in its own (locality) order: its records name them.
                var pair = (references[r].RecordId, _session.ListingRecords[listing].ListingId);
                var isMatch = matches.Contains(pair);
                if (isMatch || labels.UnlistedAreNonMatches || nonMatches.Contains(pair))
                {
                    labelledMatchesFound += isMatch ? 1 : 0;
                    (heldBack ? heldOut : training).Add(levels, 1, isMatch ? 1 : 0, adjustments.Adjustments(levels, r, listing));
                }
            }
        }
        return new BlockedPatterns(
            _rules.Select((rule, k) => (rule, perRule[k])).ToArray(), candidatePairs, training, heldOut, heldBackReferences,
            labels is null ? 0 : matches.Count - labelledMatchesFound);
    }

    /// <summary>
    /// <paramref name="model"/> bound to this session's comparisons, for its term-frequency adjustments on these
    /// listings (the model must have the session model's comparisons).
    /// </summary>
    public CompiledModel Compile(MatchModel model) =>
        CompiledModel.Compile(model, _session.Model.Comparisons.ToDictionary(c => c.Name, StringComparer.Ordinal));

    private ComparisonCursor[] OpenCursors() => _session.Model.Comparisons.Select(c => c.OpenCursor()).ToArray();

    private static void MoveTo(ComparisonCursor[] cursors, int reference)
    {
        foreach (var cursor in cursors)
        {
            cursor.MoveTo(reference);
        }
    }

    private static void Level(ComparisonCursor[] cursors, int listing, byte[] levels)
    {
        for (var c = 0; c < cursors.Length; c++)
        {
            levels[c] = (byte)cursors[c].Level(listing);
        }
    }
}

/// <summary>The blocked candidate pairs as patterns: per rule, and labelled for training and held back.</summary>
internal sealed record BlockedPatterns(
    IReadOnlyList<(BlockingRule Rule, LevelPatterns Patterns)> PerRule,
    long CandidatePairs,
    LevelPatterns Training,
    LevelPatterns HeldOut,
    IReadOnlySet<string> HeldBackReferences,
    int LabelledMatchesNotBlocked);
