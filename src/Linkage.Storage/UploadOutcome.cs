namespace Linkage.Storage;

/// <summary>What one look at the upload queue did. Ids and counts only, so hosts can log it as it is.</summary>
public sealed record UploadOutcome(UploadOutcomeKind Kind, long? JobId = null, long? RunId = null, long PairsKept = 0,
    string? ExceptionType = null, int Requeued = 0, int GivenUp = 0);

public enum UploadOutcomeKind
{
    /// <summary>No job was queued.</summary>
    NothingQueued,
    Completed,
    /// <summary>Linking failed; the job and its run are recorded failed.</summary>
    Failed,
    /// <summary>The runner was stopped mid-job; the job is queued again and its run recorded failed (cancelled).</summary>
    Released,
    /// <summary>The job was taken from this runner (its heartbeats went missing) and is another runner's now.</summary>
    Lost,
    /// <summary>The store could not be opened or queried; nothing was claimed.</summary>
    StoreUnavailable,
}
