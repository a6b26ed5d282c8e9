using Linkage.Blocking;
using Linkage.Evaluation;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;
using Linkage.Synthetic;

namespace Linkage.Tests.Blocking;

/// <summary>A small synthetic corpus, its blocking analysis, and the same figures by brute force over every pair.</summary>
public sealed class BlockingAnalysisTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-blocking-").FullName;
    private readonly IReadOnlyList<ReferenceRecord> _references;
    private readonly IReadOnlyList<ListingRecord> _listings;
    private readonly List<TruthPair> _truth;

    public BlockingAnalysisTests()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 120, DistractorsPerChild = 3, Seed = 7 }, _directory);
        _references = RecordFileReader.ReadReferences(Path.Combine(_directory, "references.csv")).Records;
        _listings = RecordFileReader.ReadListings(Path.Combine(_directory, "listings.csv")).Records;
        _truth = EvaluationInput.ReadTruth(Path.Combine(_directory, "truth.csv"));
    }

    /// <summary>The shipped rules, and with <paramref name="everyKind"/> a MinHash and a sibling-cross rule added.</summary>
    private static LinkEngine Engine(bool everyKind) => !everyKind ? LinkEngine.Default : LinkEngine.Create(
        LinkEngine.DefaultModel with
        {
            BlockingRules =
            [
                .. LinkEngine.DefaultModel.BlockingRules,
                new() { Name = "given_minhash+year", Kind = "minhash", Keys = ["birth_year"], MinHash = new() { Field = "given_name", Bands = 4, Rows = 3, Seed = 9 } },
                new() { Name = "siblings", Kind = "sibling_cross" },
            ],
        },
        LinkEngine.Default.Names,
        LinkEngine.Default.Places);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pairs_per_rule_cumulative_pairs_and_completeness_equal_brute_force_key_sharing(bool everyKind)
    {
        var engine = Engine(everyKind);
        var report = BlockingAnalysis.Analyze(_references, _listings, engine, _truth, largestBlocks: 2, degreeOfParallelism: 2);

        var session = LinkSession.Prepare(_references, _listings, engine, new ParallelOptions());
        var rules = engine.BlockingRules;
        var masks = BruteForceMasks(session, rules);

        Assert.Equal(masks.Count, report.CandidatePairs);
        Assert.Equal((long)_references.Count * _listings.Count, report.AllPairs);
        Assert.Equal(1 - (double)masks.Count / report.AllPairs, report.ReductionRatio, 12);
        for (var rule = 0; rule < rules.Count; rule++)
        {
            var bit = 1u << rule;
            var upTo = (bit << 1) - 1;
            Assert.Equal(masks.Values.Count(m => (m & bit) != 0), report.Rules[rule].Pairs);
            Assert.Equal(masks.Values.Count(m => (m & upTo) != 0), report.Rules[rule].CumulativePairs);
            Assert.InRange(report.Rules[rule].LargestBlocks.Count, rules[rule].IsSiblingCross ? 0 : 1, 2);
            Assert.InRange(report.Rules[rule].Pairs, 1, long.MaxValue);
            Assert.All(report.Rules[rule].LargestBlocks, b => Assert.InRange(b.Pairs, 1, report.Rules[rule].Pairs));
        }

        var referenceIndex = _references.Select((x, i) => (x.RecordId, i)).ToDictionary(p => p.RecordId, p => p.i);
        var listingIndex = session.ListingRecords.Select((x, i) => (x.ListingId, i)).ToDictionary(p => p.ListingId, p => p.i);
        var truePairs = _truth.Select(t => (referenceIndex[t.ReferenceId], listingIndex[t.ListingId])).ToArray();
        var coverage = report.Truth!;
        Assert.Equal(truePairs.Length, coverage.TruePairs);
        Assert.Equal(truePairs.Count(masks.ContainsKey), coverage.TruePairsProposed);
        Assert.Equal(truePairs.Count(p => masks.TryGetValue(p, out var m) && (m & 1) != 0), report.Rules[0].TruePairs);
        Assert.InRange(coverage.TruePairsAboveReviewProposed, 1, coverage.TruePairsAboveReview);
        Assert.Equal(0, coverage.TruthRowsUnmatched);
    }

    [Fact]
    public void Without_truth_there_are_no_completeness_figures()
    {
        var report = BlockingAnalysis.Analyze(_references.Take(20).ToArray(), _listings, LinkEngine.Default, largestBlocks: 0);

        Assert.Null(report.Truth);
        Assert.All(report.Rules, r => Assert.Null(r.TruePairs));
        Assert.All(report.Rules, r => Assert.Empty(r.LargestBlocks));
    }

    [Fact]
    public void Exhaustive_figures_are_what_link_exhaustive_keeps_and_what_blocking_and_the_blocked_run_keep_of_it()
    {
        var engine = LinkEngine.Default;
        var report = BlockingAnalysis.Analyze(_references, _listings, engine, _truth, exhaustive: true, largestBlocks: 0, degreeOfParallelism: 2);

        var all = Linker.Link(_references, _listings, engine, new LinkOptions { Exhaustive = true });
        var blocked = Linker.Link(_references, _listings, engine);
        var session = LinkSession.Prepare(_references, _listings, engine, new ParallelOptions());
        var proposed = BruteForceMasks(session, engine.BlockingRules).Keys
            .Select(p => (_references[p.Reference].RecordId, session.ListingRecords[p.Listing].ListingId)).ToHashSet();
        var keptBlocked = blocked.Matches.Where(m => m.Decision != MatchDecision.NonMatch).Select(m => (m.ReferenceId, m.ListingId)).ToHashSet();
        var truth = _truth.Select(t => (t.ReferenceId, t.ListingId)).ToHashSet();
        var exhaustive = all.Matches.Select(m => (m.ReferenceId, m.ListingId)).ToArray();
        var trueExhaustive = exhaustive.Where(truth.Contains).ToArray();

        var coverage = report.Exhaustive!;
        Assert.Equal(exhaustive.Length, coverage.PairsAboveReview);
        Assert.Equal(exhaustive.Count(proposed.Contains), coverage.Proposed);
        Assert.Equal(exhaustive.Count(keptBlocked.Contains), coverage.KeptByBlockedRun);
        Assert.Equal(trueExhaustive.Length, coverage.TruePairsAboveReview);
        Assert.Equal(trueExhaustive.Count(proposed.Contains), coverage.TrueProposed);
        Assert.Equal(trueExhaustive.Count(keptBlocked.Contains), coverage.TrueKeptByBlockedRun);
        Assert.InRange(coverage.TrueKeptByBlockedRun!.Value, 1, coverage.TruePairsAboveReview!.Value);
        // Sibling evidence counts: some true pair is kept only because a co-listed sibling lifts it to review.
        var review = CompiledModel.WeightOf(engine.Model.Thresholds.Review);
        Assert.Contains(all.Matches, m => truth.Contains((m.ReferenceId, m.ListingId))
            && m.MatchWeight - engine.Model.SiblingWeight!.Value < review
            && m.Evidence.Any(e => e.Comparison == SiblingEvidence.ComparisonName));
    }

    [Fact]
    public void Without_exhaustive_there_are_no_exhaustive_figures()
    {
        var report = BlockingAnalysis.Analyze(_references.Take(20).ToArray(), _listings, LinkEngine.Default, _truth, largestBlocks: 0);

        Assert.Null(report.Exhaustive);
    }

    /// <summary>For every pair some rule proposes, by brute force over all pairs, a bit per proposing rule.</summary>
    private Dictionary<(int Reference, int Listing), uint> BruteForceMasks(LinkSession session, IReadOnlyList<BlockingRule> rules)
    {
        var masks = new Dictionary<(int, int), uint>();
        for (var r = 0; r < session.References.Count; r++)
        {
            for (var l = 0; l < session.Listings.Count; l++)
            {
                uint mask = 0;
                for (var rule = 0; rule < rules.Count; rule++)
                {
                    if (!rules[rule].IsSiblingCross && rules[rule].Parts.All(part => ShareValue(session, part, r, l))
                        && (rules[rule].MinHash is not { } minHash || ShareBand(session, minHash, r, l)))
                    {
                        mask |= 1u << rule;
                    }
                }
                if (mask != 0)
                {
                    masks[(r, l)] = mask;
                }
            }
        }
        // Sibling cross: another child of the reference's group paired by a via rule with a child of the listing's group.
        var referenceGroups = _references.Select(x => x.Person.SiblingGroup).ToArray();
        var listingGroups = session.ListingRecords.Select(x => x.Person.SiblingGroup).ToArray();
        var byVia = masks.ToArray();
        for (var rule = 0; rule < rules.Count; rule++)
        {
            if (!rules[rule].IsSiblingCross)
            {
                continue;
            }
            var opened = byVia.Where(p => (p.Value & rules[rule].ViaMask) != 0 && referenceGroups[p.Key.Item1] != "" && listingGroups[p.Key.Item2] != "")
                .Select(p => (p.Key.Item1, listingGroups[p.Key.Item2])).ToHashSet();
            for (var r = 0; r < referenceGroups.Length; r++)
            {
                for (var l = 0; l < listingGroups.Length; l++)
                {
                    var listingGroup = listingGroups[l];
                    if (referenceGroups[r] != "" && listingGroup != ""
                        && Enumerable.Range(0, referenceGroups.Length).Any(r2 => r2 != r && referenceGroups[r2] == referenceGroups[r] && opened.Contains((r2, listingGroup))))
                    {
                        masks[(r, l)] = masks.GetValueOrDefault((r, l)) | (1u << rule);
                    }
                }
            }
        }
        return masks;
    }

    private static bool ShareBand(LinkSession session, MinHashBanding minHash, int reference, int listing)
    {
        var a = new ulong[minHash.Bands];
        var b = new ulong[minHash.Bands];
        var left = a[..minHash.BandKeys(session.References.NameSkeleton(minHash.Field, reference), a)];
        var right = b[..minHash.BandKeys(session.Listings.NameSkeleton(minHash.Field, listing), b)];
        return left.Zip(right).Any(p => p.First == p.Second);
    }

    private static bool ShareValue(LinkSession session, BlockingKeyPart part, int reference, int listing)
    {
        Span<int> a = stackalloc int[BlockKeys.MaxValuesPerPart];
        Span<int> b = stackalloc int[BlockKeys.MaxValuesPerPart];
        var left = a[..session.References.Values(part, reference, a)];
        var right = b[..session.Listings.Values(part, listing, b)];
        foreach (var value in left)
        {
            if (right.Contains(value))
            {
                return true;
            }
        }
        return false;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
