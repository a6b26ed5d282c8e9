using BenchmarkDotNet.Attributes;
using Linkage.Synthetic;

namespace Linkage.Benchmarks.Synthetic;

/// <summary>
/// Generation of a synthetic corpus, written to a temporary directory. The 50,000-children corpus
/// (about a million listing rows) is measured by <c>linkage synth --children 50000</c>; this keeps a smaller
/// size so that a benchmark run stays short.
/// </summary>
[MemoryDiagnoser]
public class CorpusGeneratorBenchmarks
{
    private string _directory = string.Empty;

    [Params(2_000, 10_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void CreateDirectory() =>
        _directory = Directory.CreateTempSubdirectory("linkage-synth-bench-").FullName;

    [Benchmark]
    public SynthSummary Generate() => CorpusGenerator.Write(new SynthOptions { Children = Children, Seed = 1 }, _directory);

    [GlobalCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);
}
