using Linkage.Ingest;

namespace Linkage.Storage;

/// <summary>An uploaded listings file to keep as a queued job: the file whole, and what validating it found.</summary>
/// <param name="Owner">The account that uploaded it; only it and admins see the job.</param>
/// <param name="ListingsAccepted">Rows ingest accepted when the file was validated.</param>
/// <param name="Rejects">Rows ingest refused, shown on the job's page.</param>
public sealed record UploadRequest(
    string Owner, string FileName, ReadOnlyMemory<byte> Content, long RowsRead, long ListingsAccepted, IReadOnlyList<IngestReject> Rejects);

/// <summary>An upload job as the store holds it: where it is in the queue and, once linked, its run.</summary>
public sealed record UploadJob(
    long JobId,
    string Owner,
    string FileName,
    string Status,
    string Stage,
    long Done,
    long Total,
    long RowsRead,
    long ListingsAccepted,
    IReadOnlyList<IngestReject> Rejects,
    long Attempts,
    long? RunId,
    long? PairsKept,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public bool Finished => Status is Completed or Failed;
}

/// <summary>
/// A job one runner has claimed: the proof (<see cref="Token"/>) every later write to the job must carry, and the
/// file to link.
/// </summary>
public sealed record UploadClaim(long JobId, string Token, string FileName, byte[] Content, long RowsRead, long Rejected);
