using BenchmarkDotNet.Attributes;
using Linkage.Blocking;
using Linkage.Comparison;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Synthetic;

namespace Linkage.Benchmarks.Linking;

/// <summary>
/// The pair loop of <c>linkage link</c> on one thread over a synthetic corpus (2,000 children, about 2,100
/// references × 39,000 listings), prepared once: the first 40,000 blocked candidate pairs (of about 55,000), by reference, levelled
/// on every comparison of the default model and weighed. Every figure is per pair.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PairsPerSecondConfig))]
public class ComparisonVectorBenchmarks
{
    private PairScorer _scorer = null!;
    private LinkSession _session = null!;
    private int[][] _candidates = [];
    private const int Pairs = 40_000;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Directory.CreateTempSubdirectory("linkage-bench-").FullName;
        try
        {
            CorpusGenerator.Write(new SynthOptions { Children = 2_000, Seed = 5 }, directory);
            var references = RecordFileReader.ReadReferences(Path.Combine(directory, "references.csv")).Records;
            var listings = RecordFileReader.ReadListings(Path.Combine(directory, "listings.csv")).Records;
            var engine = LinkEngine.Default;
            _session = LinkSession.Prepare(references, listings, engine, new ParallelOptions());
            var finder = new CandidateFinder(BlockingIndex.Build(engine.BlockingRules, _session.Listings), _session.References, listings.Count);
            var blocks = new List<int[]>();
            for (int r = 0, taken = 0; taken < Pairs; r++)
            {
                finder.Find(r);
                blocks.Add([.. finder.Candidates.Take(Pairs - taken)]);
                taken += blocks[^1].Length;
            }
            _candidates = [.. blocks];
            _scorer = new PairScorer(_session.Model);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Every comparison levelled and the weight summed, as the linker does for every candidate pair.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public double FullComparisonVector()
    {
        var total = 0.0;
        var scorer = _scorer;
        for (var r = 0; r < _candidates.Length; r++)
        {
            scorer.MoveTo(r);
            foreach (var listing in _candidates[r])
            {
                total += scorer.Weight(listing);
            }
        }
        return total;
    }
}
