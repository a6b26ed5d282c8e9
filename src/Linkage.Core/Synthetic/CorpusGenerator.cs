namespace Linkage.Synthetic;

/// <summary>
/// Writes a synthetic corpus (references.csv, listings.csv, truth.csv) that drifts the way DOMAIN.md
/// describes. Rows are streamed family by family, so memory stays flat at any size, and one seed always
/// gives the same bytes.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>Generates the corpus into <paramref name="outDir"/> (created if missing; files overwritten).</summary>
    /// <param name="progress">Receives the share of reference children done, from 0 to 1.</param>
    public static SynthSummary Write(SynthOptions options, string outDir, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        options.Validate();
        var shuffleSeed = options.Seed ^ 0x5DEECE66DUL;
        using var files = new CorpusFiles(outDir, SeededRandom.SplitMix64(ref shuffleSeed));
        var summary = new CorpusRun(options, PopulationTables.Default, files, progress).Execute();
        files.Complete();
        return summary;
    }
}
