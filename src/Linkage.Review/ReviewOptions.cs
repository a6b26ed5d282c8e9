namespace Linkage.Review;

/// <summary>How the review app is hosted. Bound from configuration section "Review".</summary>
public sealed record ReviewOptions
{
    /// <summary>The SQLite database file (or, when the store supports it, a connection string).</summary>
    public string Database { get; init; } = "linkage.db";

    /// <summary>Candidates kept per reference when an upload is linked.</summary>
    public int CandidatesPerReference { get; init; } = 10;

    /// <summary>Sign-in attempts one client address may make per minute; more are answered 429.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>Threads an upload's linking may use; null uses every core.</summary>
    public int? LinkThreads { get; init; }

    /// <summary>Who links uploaded files: the app itself (default), or <c>linkage worker</c> processes.</summary>
    public UploadsWorker UploadsWorker { get; init; } = UploadsWorker.InProcess;
}

/// <summary>Where the upload queue's jobs run. Either way the jobs are kept in the store, so the page shows them.</summary>
public enum UploadsWorker
{
    /// <summary>A background service of the app links them: one machine, nothing else to run.</summary>
    InProcess,
    /// <summary>The app only queues them; <c>linkage worker</c> processes, here or elsewhere, link them.</summary>
    External,
}
