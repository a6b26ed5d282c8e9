namespace Linkage.Ingest;

/// <summary>
/// An input file that cannot be used at all: missing or unreadable, without a header or an id column, or without a
/// single usable row. Every other problem is a per-row <see cref="IngestReject"/>.
/// </summary>
public sealed class IngestException : Exception
{
    public IngestException(string file, string message, IReadOnlyList<IngestReject>? rejects = null, Exception? innerException = null)
        : base($"{file}: {message}", innerException)
    {
        File = file;
        Rejects = rejects ?? [];
    }

    /// <summary>The input file as it was named to the reader.</summary>
    public string File { get; }

    /// <summary>The rows rejected before ingest gave up, so they can still be written to a rejects file.</summary>
    public IReadOnlyList<IngestReject> Rejects { get; }
}
