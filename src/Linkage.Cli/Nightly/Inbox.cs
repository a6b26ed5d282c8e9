namespace Linkage.Cli.Nightly;

/// <summary>
/// The folder scrapers and operators drop files into. Convention: <c>references*.csv</c> and <c>listings*.csv</c>
/// at the top level, matched case-insensitively; anything else is ignored, so a writer should write under another
/// name (<c>listings-x.csv.part</c>) and rename when done, which is atomic. Each listings file holds whole scrapes
/// of the sources in it (a source missing from a batch is not marked vanished; one present is scraped afresh).
/// A run takes every matching file at once and, when it completes, moves them to
/// <c>processed/run-&lt;id&gt;/</c> with the rows it rejected in <c>rejects.csv</c> beside them.
/// </summary>
internal sealed record Inbox(string Directory)
{
    public const string ProcessedFolder = "processed";

    /// <summary>The files the next run takes, each kind in ordinal name order.</summary>
    public InboxBatch Scan()
    {
        var files = System.IO.Directory.EnumerateFiles(Directory)
            .Where(f => Path.GetExtension(f).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToArray();
        return new InboxBatch(
            [.. files.Where(f => Path.GetFileName(f).StartsWith("references", StringComparison.OrdinalIgnoreCase))],
            [.. files.Where(f => Path.GetFileName(f).StartsWith("listings", StringComparison.OrdinalIgnoreCase))]);
    }

    /// <summary>
    /// Moves a completed run's files out of the inbox, references first: a crash between moves leaves only whole
    /// files behind, and re-running those is harmless (unchanged records and pairs are only marked seen again).
    /// </summary>
    public string MoveProcessed(InboxBatch batch, long runId)
    {
        var target = ProcessedDirectory(runId);
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in batch.References.Concat(batch.Listings))
        {
            File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
        return target;
    }

    public string ProcessedDirectory(long runId) =>
        Path.Combine(Directory, ProcessedFolder, "run-" + runId.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The files one nightly run takes from the inbox.</summary>
internal sealed record InboxBatch(IReadOnlyList<string> References, IReadOnlyList<string> Listings)
{
    public bool IsEmpty => References.Count == 0 && Listings.Count == 0;
}
