using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;
using Linkage.Synthetic;

namespace Linkage.Tests.Linking;

/// <summary>
/// Linking in chunks handed over as they finish: the same pairs, ranks and weights as linking everything and then
/// adding sibling evidence over all kept pairs at once, and a run that stops cleanly when its reader stops.
/// </summary>
public sealed class LinkInProgressTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-stream-").FullName;
    private readonly IReadOnlyList<ReferenceRecord> _references;
    private readonly IReadOnlyList<ListingRecord> _listings;

    public LinkInProgressTests()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 700, DistractorsPerChild = 2, Seed = 17 }, _directory);
        var references = RecordFileReader.ReadReferences(Path.Combine(_directory, "references.csv")).Records;
        // Shuffled, so siblings lie far apart in the input and chunks must stretch to hold their groups.
        var random = new Random(3);
        _references = references.OrderBy(_ => random.Next()).ToArray();
        _listings = RecordFileReader.ReadListings(Path.Combine(_directory, "listings.csv")).Records;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Streamed_pairs_equal_sibling_evidence_added_over_the_whole_run()
    {
        var model = LinkEngine.DefaultModel;
        Assert.NotNull(model.SiblingWeight);
        var withoutSiblings = LinkEngine.Create(model with { SiblingWeight = null }, LinkEngine.Default.Names, LinkEngine.Default.Places);
        var plain = Linker.Link(_references, _listings, withoutSiblings, new LinkOptions { DegreeOfParallelism = 2 }).Matches;
        var expected = SiblingEvidence.Apply(plain, new PairSiblingGroups(_references), model);

        var streamed = new List<CandidateMatch>();
        using (var run = Linker.Start(_references, _listings, LinkEngine.Default, new LinkOptions { DegreeOfParallelism = 2 }))
        {
            foreach (var batch in run.Batches())
            {
                streamed.AddRange(batch);
            }
            Assert.Equal(streamed.Count, run.Summary.PairsKept);
            Assert.Equal(streamed.Count(m => m.Decision == MatchDecision.Match), run.Summary.MatchCount);
        }

        Assert.Contains(expected, m => m.Evidence.Any(e => e.Comparison == SiblingEvidence.ComparisonName));
        static (string, string, int, double, MatchDecision, int) Key(CandidateMatch m) =>
            (m.ReferenceId, m.ListingId, m.Rank, m.MatchWeight, m.Decision, m.Evidence.Count);
        Assert.Equal(expected.Select(Key).Order(), streamed.Select(Key).Order());
        // Each reference's candidates arrive together, rank 1 first.
        var order = streamed.Select(m => m.ReferenceId).Distinct().ToList();
        Assert.Equal(_references.Count(r => streamed.Any(m => m.ReferenceId == r.RecordId)), order.Count);
        Assert.All(streamed.GroupBy(m => m.ReferenceId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(m => m.Rank)));
    }

    [Fact]
    public void A_reader_that_stops_early_stops_the_workers()
    {
        var linked = 0L;
        var progress = new Synchronous(p => Interlocked.Exchange(ref linked, p.Stage == "link" ? p.Done : 0));
        using (var run = Linker.Start(_references, _listings, LinkEngine.Default, new LinkOptions { DegreeOfParallelism = 1 }, progress))
        {
            Assert.NotEmpty(run.Batches().First());
            Assert.Throws<InvalidOperationException>(() => run.Summary);
        }
        var afterDispose = Interlocked.Read(ref linked);
        Thread.Sleep(200);
        Assert.Equal(afterDispose, Interlocked.Read(ref linked));
    }

    [Fact]
    public void A_cancelled_run_throws_from_its_batches()
    {
        using var cancel = new CancellationTokenSource();
        using var run = Linker.Start(_references, _listings, LinkEngine.Default, new LinkOptions { DegreeOfParallelism = 1 }, null, cancel.Token);
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => run.Batches().ToList());
    }

    private sealed class Synchronous(Action<LinkProgress> report) : IProgress<LinkProgress>
    {
        public void Report(LinkProgress value) => report(value);
    }
}
