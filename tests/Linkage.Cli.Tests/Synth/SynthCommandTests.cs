using Linkage.Cli.Commands;

namespace Linkage.Tests.Synth;

public sealed class SynthCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "linkage-synth-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void WritesTheThreeFilesOfTheContract()
    {
        var exitCode = SynthCommand.Create().Parse(["--out", _directory, "--children", "60", "--distractors", "100", "--seed", "4"]).Invoke();
        Assert.Equal(0, exitCode);
        Assert.StartsWith("record_id,", File.ReadLines(Path.Combine(_directory, "references.csv")).First());
        Assert.StartsWith("listing_id,", File.ReadLines(Path.Combine(_directory, "listings.csv")).First());
        Assert.Equal("reference_id,listing_id", File.ReadLines(Path.Combine(_directory, "truth.csv")).First());
        // A header, one row per child, and a few duplicate reports.
        Assert.InRange(File.ReadLines(Path.Combine(_directory, "references.csv")).Count(), 61, 61 + 15);
    }

    [Fact]
    public void RefusesAnImpossibleListingCount()
    {
        var exitCode = SynthCommand.Create().Parse(["--out", _directory, "--listings-per-child", "0.5"]).Invoke();
        Assert.Equal(2, exitCode);
        Assert.False(Directory.Exists(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
