namespace Linkage.Storage;

/// <summary>How an upload runner names itself, proves itself alive, and judges other runners dead.</summary>
public sealed record UploadRunnerOptions
{
    /// <summary>Written on the jobs it claims, for operators: host and process.</summary>
    public string Runner { get; init; } = Environment.MachineName + ":" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How often a running job's progress and heartbeat are written.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A running job without a heartbeat for this long is taken as orphaned and queued again. Long enough to ride
    /// out a writer holding SQLite's lock for a big save, and clock skew between machines.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Claims after which an orphaned job is failed rather than queued again: it may be what kills runners.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long an idle runner waits before looking at the queue again, unless woken.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);
}
