using Linkage.Blocking;
using Linkage.Comparison;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;
using Linkage.Synthetic;

namespace Linkage.Tests.Blocking;

/// <summary>
/// The optimized pair loop (memoized cursors, cached scorers, cheap comparisons first, pruning on a bound)
/// against the straightforward path: each comparison's <see cref="FieldComparison.Level"/> on every pair.
/// </summary>
public sealed class PairScorerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-pairs-").FullName;
    private readonly IReadOnlyList<ReferenceRecord> _references;
    private readonly IReadOnlyList<ListingRecord> _listings;

    public PairScorerTests()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 150, DistractorsPerChild = 3, Seed = 31 }, _directory);
        _references = RecordFileReader.ReadReferences(Path.Combine(_directory, "references.csv")).Records;
        _listings = RecordFileReader.ReadListings(Path.Combine(_directory, "listings.csv")).Records;
    }

    /// <summary>
    /// The shipped model with every name level that can be term-frequency adjusted adjusted, or none; without the
    /// sibling weight, which re-ranks after the pair loop these tests check.
    /// </summary>
    private static LinkEngine Engine(bool termFrequencies) => LinkEngine.Create(
        Tests.Scoring.TermFrequencyTests.WithTermFrequencies(LinkEngine.DefaultModel, termFrequencies),
        LinkEngine.Default.Names, LinkEngine.Default.Places);

    /// <summary>
    /// A model of configured columns (another schema's kind of model): Jaro–Winkler and edit-distance levels whose
    /// weights are not monotonic, so the pair loop's level cutoffs and letter-count filter are exercised.
    /// </summary>
    private static LinkEngine ColumnEngine()
    {
        static LevelModel Level(string name, double weight) => new() { Name = name, M = 0.5, U = 0.5, Weight = weight };
        var model = LinkEngine.DefaultModel with
        {
            Scorer = MatchModel.LogisticRegression,
            SiblingWeight = null,
            Comparisons =
            [
                new() { Name = "given", Column = "given_name", Kind = "jaro_winkler", Thresholds = [0.92, 0.8],
                    Levels = [Level("exact", 6), Level("fuzzy_0.92", 5), Level("fuzzy_0.80", -4), Level("disagree", -3), new() { Name = "missing", M = 1, U = 1, IsNull = true }] },
                new() { Name = "family", Column = "surname", Kind = "edit_distance", Thresholds = [1, 2],
                    Levels = [Level("exact", 5), Level("within_1_edits", 4), Level("within_2_edits", 1), Level("disagree", -4), new() { Name = "missing", M = 1, U = 1, IsNull = true }] },
                new() { Name = "father", Column = "patronymic", Kind = "jaro_winkler", Thresholds = [0.9],
                    Levels = [Level("exact", 4), Level("fuzzy_0.90", 3), Level("disagree", -2), new() { Name = "missing", M = 1, U = 1, IsNull = true }] },
                LinkEngine.DefaultModel.Comparisons.Single(c => c.Name == "birth_date"),
            ],
        };
        return LinkEngine.Create(model, LinkEngine.Default.Names, LinkEngine.Default.Places);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Levels_and_weights_equal_the_straightforward_path_on_random_pairs(bool termFrequencies)
    {
        var session = LinkSession.Prepare(_references, _listings, Engine(termFrequencies), new ParallelOptions());
        var model = session.Model;
        var scorer = new PairScorer(model);
        var random = new Random(5);
        var expected = new byte[model.Comparisons.Count];
        var checkedFuzzy = 0;
        var adjusted = 0;

        for (var round = 0; round < 400; round++)
        {
            var reference = random.Next(_references.Count);
            scorer.MoveTo(reference);
            // Listings repeat within a reference so memoized levels are read back, not only computed.
            for (var i = 0; i < 60; i++)
            {
                var listing = random.Next(3) == 0 ? random.Next(Math.Min(20, _listings.Count)) : random.Next(_listings.Count);
                var weight = scorer.Weight(listing);
                for (var c = 0; c < expected.Length; c++)
                {
                    expected[c] = (byte)model.Comparisons[c].Level(reference, listing);
                    checkedFuzzy += model.Comparisons[c].LevelNames[expected[c]].StartsWith("fuzzy", StringComparison.Ordinal) ? 1 : 0;
                }
                Assert.Equal(expected, scorer.Levels.ToArray());
                adjusted += Enumerable.Range(0, expected.Length).Count(c => model.Adjustment(c, expected[c], reference, listing) != 0);
                Assert.Equal(model.Weight(expected, reference, listing), weight, 9);
            }
        }
        Assert.True(checkedFuzzy > 0, "no pair reached a fuzzy level, so the cached scorers went untested");
        Assert.Equal(termFrequencies, adjusted > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_pruned_pair_is_always_below_the_floor(bool termFrequencies)
    {
        var session = LinkSession.Prepare(_references, _listings, Engine(termFrequencies), new ParallelOptions());
        var scorer = new PairScorer(session.Model);
        var random = new Random(9);
        var pruned = 0;
        for (var round = 0; round < 2_000; round++)
        {
            var reference = random.Next(_references.Count);
            var listing = random.Next(_listings.Count);
            var floor = random.NextDouble() * 40 - 25;
            scorer.MoveTo(reference);
            var full = scorer.Weight(listing);
            var bounded = scorer.Weight(listing, floor);
            if (double.IsNegativeInfinity(bounded))
            {
                pruned++;
                Assert.True(full < floor);
            }
            else
            {
                Assert.Equal(full, bounded);
            }
        }
        Assert.InRange(pruned, 1, 1_999);
    }

    /// <summary>
    /// Blocked: each reference's best candidates by comparison weight, then sibling evidence. Exhaustive: the same
    /// with every listing a candidate, less what ends below review. Both by each comparison's straightforward level.
    /// </summary>
    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    public void Linker_keeps_the_same_pairs_as_scoring_every_candidate_the_straightforward_way(bool exhaustive, bool termFrequencies, bool columns)
    {
        var engine = columns ? ColumnEngine() : Engine(termFrequencies);
        const int keep = 4;
        var result = Linker.Link(_references, _listings, engine, new LinkOptions { MaxCandidatesPerReference = keep, Exhaustive = exhaustive });

        var session = LinkSession.Prepare(_references, _listings, engine, new ParallelOptions());
        var finder = new CandidateFinder(BlockingIndex.Build(engine.BlockingRules, session.Listings), session.References, _listings.Count);
        var best = new List<CandidateMatch>();
        var levels = new byte[session.Model.Comparisons.Count];
        for (var r = 0; r < _references.Count; r++)
        {
            finder.Find(r);
            IEnumerable<int> pairs = exhaustive ? Enumerable.Range(0, _listings.Count) : finder.Candidates;
            var scored = new List<(double Weight, int Listing)>();
            foreach (var l in pairs)
            {
                for (var c = 0; c < levels.Length; c++)
                {
                    levels[c] = (byte)session.Model.Comparisons[c].Level(r, l);
                }
                scored.Add((session.Model.Weight(levels, r, l), l));
            }
            var rank = 0;
            foreach (var (weight, l) in scored.OrderByDescending(s => Math.Round(s.Weight, 9)).ThenBy(s => session.ListingIds[s.Listing], StringComparer.Ordinal).Take(keep))
            {
                best.Add(session.Explain(r, l, weight, ++rank, 0, _references[r], []));
            }
        }
        var expected = SiblingEvidence.Apply(best, new PairSiblingGroups(_references), engine.Model)
            .Where(m => !exhaustive || m.Decision != MatchDecision.NonMatch);

        Assert.Equal(expected.Select(m => (m.ReferenceId, m.ListingId, m.Rank)), result.Matches.Select(m => (m.ReferenceId, m.ListingId, m.Rank)));
        Assert.Contains(result.Matches, m => m.Decision == MatchDecision.Match);
        if (exhaustive)
        {
            Assert.Equal((long)_references.Count * _listings.Count, result.CandidatePairs);
            Assert.DoesNotContain(result.Matches, m => m.Decision == MatchDecision.NonMatch);
        }
        if (exhaustive && !columns)
        {
            // The corpus has pairs only a co-listed sibling lifts to review: the exhaustive run must keep them too.
            var review = CompiledModel.WeightOf(engine.Model.Thresholds.Review);
            Assert.Contains(result.Matches, m => m.MatchWeight - engine.Model.SiblingWeight!.Value < review
                && m.Evidence.Any(e => e.Comparison == SiblingEvidence.ComparisonName));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
