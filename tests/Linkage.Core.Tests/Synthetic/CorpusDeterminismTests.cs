using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

public sealed class CorpusDeterminismTests : IDisposable
{
    private static readonly string[] Files = ["references.csv", "listings.csv", "truth.csv"];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "linkage-synth-" + Guid.NewGuid().ToString("N"));

    private string Generate(string name, ulong seed)
    {
        var directory = Path.Combine(_root, name);
        CorpusGenerator.Write(new SynthOptions { Children = 400, Seed = seed }, directory);
        return directory;
    }

    [Fact]
    public void TheSameSeedWritesByteIdenticalFiles()
    {
        var first = Generate("a", 77);
        var second = Generate("b", 77);
        foreach (var file in Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    [Fact]
    public void AnotherSeedWritesOtherFiles()
    {
        var first = Generate("a", 77);
        var second = Generate("b", 78);
        foreach (var file in Files)
        {
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    [Fact]
    public void FilesAreUTF8WithoutAByteOrderMark()
    {
        var directory = Generate("a", 5);
        var bytes = File.ReadAllBytes(Path.Combine(directory, "listings.csv"));
        Assert.False(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));
        Assert.StartsWith("listing_id,", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ProgressReachesCompletion()
    {
        var reports = new List<double>();
        CorpusGenerator.Write(new SynthOptions { Children = 300, Seed = 3 }, Path.Combine(_root, "p"), new SynchronousProgress(reports.Add));
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public void OutOfRangeOptionsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusGenerator.Write(new SynthOptions { Children = 0 }, _root));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusGenerator.Write(new SynthOptions { WrongSexRate = 1.5 }, _root));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusGenerator.Write(new SynthOptions { ListingsPerChild = 0.5 }, _root));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
