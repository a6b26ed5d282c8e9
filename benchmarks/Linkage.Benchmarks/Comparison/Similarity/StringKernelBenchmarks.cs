using BenchmarkDotNet.Attributes;
using FuzzySharp;
using FuzzySharp.PreProcess;
using Linkage.Comparison.Similarity;

namespace Linkage.Benchmarks.Comparison.Similarity;

/// <summary>
/// One cached scorer per query name scoring a block of candidates, as after blocking: a quarter of each block
/// are variants of the query (other-language letters, typos), the rest other names. Every figure is per pair.
/// FuzzySharp gets <see cref="PreprocessMode.None"/>: its default preprocessing erases Cyrillic.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PairsPerSecondConfig))]
public class StringKernelBenchmarks
{
    private const int QueryCount = 64;
    private const int BlockSize = 256;
    private const int Pairs = QueryCount * BlockSize;

    private string[] _queries = [];
    private string[][] _blocks = [];
    private string _arena = "";
    private int[][] _blockOffsets = [];
    private double[] _scores = [];
    private CachedLevenshtein[] _levenshtein = [];
    private CachedOsa[] _osa = [];
    private CachedJaroWinkler[] _jaroWinkler = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260224);
        string[] names = [.. CyrillicNames.GivenNames, .. CyrillicNames.Surnames];
        _queries = [.. Enumerable.Range(0, QueryCount).Select(_ => names[random.Next(names.Length)])];
        _blocks = [.. _queries.Select(query => Enumerable.Range(0, BlockSize)
            .Select(_ => random.Next(4) == 0 ? CyrillicNames.Variant(query, random) : names[random.Next(names.Length)])
            .ToArray())];

        _arena = string.Concat(_blocks.SelectMany(block => block));
        var start = 0;
        _blockOffsets = new int[QueryCount][];
        for (var q = 0; q < QueryCount; q++)
        {
            var offsets = _blockOffsets[q] = new int[BlockSize + 1];
            offsets[0] = start;
            for (var i = 0; i < BlockSize; i++)
            {
                offsets[i + 1] = offsets[i] + _blocks[q][i].Length;
            }
            start = offsets[BlockSize];
        }
        _scores = new double[BlockSize];

        _levenshtein = [.. _queries.Select(query => new CachedLevenshtein(query))];
        _osa = [.. _queries.Select(query => new CachedOsa(query))];
        _jaroWinkler = [.. _queries.Select(query => new CachedJaroWinkler(query))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public int FuzzySharpRatio()
    {
        var sum = 0;
        for (var q = 0; q < QueryCount; q++)
        {
            var query = _queries[q];
            foreach (var candidate in _blocks[q])
            {
                sum += Fuzz.Ratio(query, candidate, PreprocessMode.None);
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int FuzzySharpTokenSetRatio()
    {
        var sum = 0;
        for (var q = 0; q < QueryCount; q++)
        {
            var query = _queries[q];
            foreach (var candidate in _blocks[q])
            {
                sum += Fuzz.TokenSetRatio(query, candidate, PreprocessMode.None);
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int NaiveOsa()
    {
        var sum = 0;
        for (var q = 0; q < QueryCount; q++)
        {
            var query = _queries[q];
            foreach (var candidate in _blocks[q])
            {
                sum += NaiveSimilarity.Osa(query, candidate);
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double Levenshtein() => SumSimilarities(_levenshtein, 0.0);

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double Osa() => SumSimilarities(_osa, 0.0);

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double OsaCutoff080() => SumSimilarities(_osa, 0.8);

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double JaroWinkler() => SumSimilarities(_jaroWinkler, 0.0);

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double JaroWinklerCutoff085() => SumSimilarities(_jaroWinkler, 0.85);

    /// <summary>The arena entry point: candidates end to end in one string, cut by offsets.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public double JaroWinklerArena()
    {
        var sum = 0.0;
        for (var q = 0; q < QueryCount; q++)
        {
            CachedScorerBatch.ScoreAll(_jaroWinkler[q], _arena, _blockOffsets[q], _scores);
            sum += _scores[BlockSize - 1];
        }
        return sum;
    }

    /// <summary>Building a scorer happens once per query, not per pair; shown per query built.</summary>
    [Benchmark(OperationsPerInvoke = QueryCount)]
    public object? BuildJaroWinklerScorer()
    {
        CachedJaroWinkler? last = null;
        foreach (var query in _queries)
        {
            last = new CachedJaroWinkler(query);
        }
        return last;
    }

    private double SumSimilarities<TScorer>(TScorer[] scorers, double scoreCutoff)
        where TScorer : ICachedScorer
    {
        var sum = 0.0;
        for (var q = 0; q < QueryCount; q++)
        {
            var scorer = scorers[q];
            foreach (var candidate in _blocks[q])
            {
                sum += scorer.Similarity(candidate, scoreCutoff);
            }
        }
        return sum;
    }
}
