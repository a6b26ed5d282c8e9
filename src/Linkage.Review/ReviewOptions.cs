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
}
