using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Nightly;

/// <summary>
/// Every event a nightly run logs. Only counts, timings, run ids, file names and store locations: never a record's
/// content, so no name or birth date can reach a log aggregator. Exception messages are left out for the same
/// reason (a driver may quote a value); the run's error column and the exit code carry the failure.
/// </summary>
internal static partial class NightlyLog
{
    [LoggerMessage(1, LogLevel.Information, "nightly started: inbox {Inbox}, store {Store}")]
    public static partial void Started(ILogger logger, string inbox, string store);

    [LoggerMessage(2, LogLevel.Warning, "another nightly run holds the lock on {Store}; this one does nothing (nightly exits 75; --wait waits instead)")]
    public static partial void Busy(ILogger logger, string store);

    [LoggerMessage(3, LogLevel.Information, "waiting for the nightly lock on {Store}")]
    public static partial void Waiting(ILogger logger, string store);

    [LoggerMessage(4, LogLevel.Warning, "marked {Count} abandoned nightly runs failed (their process ended mid-run)")]
    public static partial void Abandoned(ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Information, "nothing to do: inbox {Inbox} holds no references*.csv or listings*.csv")]
    public static partial void NothingToDo(ILogger logger, string inbox);

    [LoggerMessage(6, LogLevel.Information, "taking {ReferenceFiles} reference files and {ListingFiles} listing files")]
    public static partial void Taking(ILogger logger, int referenceFiles, int listingFiles);

    [LoggerMessage(7, LogLevel.Error, "bad input: {Problem}; files stay in the inbox")]
    public static partial void BadInput(ILogger logger, string problem);

    [LoggerMessage(8, LogLevel.Information,
        "run {RunId} completed: references read {ReferencesRead} rejected {ReferencesRejected} new {ReferencesNew} changed {ReferencesChanged}; " +
        "listings read {ListingsRead} rejected {ListingsRejected} new {ListingsNew} changed {ListingsChanged} vanished {ListingsVanished}; " +
        "pairs scored {PairsScored} kept {PairsKept} queued {PairsQueued} flagged {PairsFlagged}; " +
        "read {ReadMs} ms, link {LinkMs} ms, save {SaveMs} ms, total {TotalMs} ms")]
    public static partial void Completed(ILogger logger, long runId, long referencesRead, long referencesRejected, long referencesNew,
        long referencesChanged, long listingsRead, long listingsRejected, long listingsNew, long listingsChanged, long listingsVanished,
        long pairsScored, long pairsKept, long pairsQueued, long pairsFlagged, long readMs, long linkMs, long saveMs, long totalMs);

    [LoggerMessage(9, LogLevel.Information, "moved the run's files to {Processed}")]
    public static partial void Moved(ILogger logger, string processed);

    [LoggerMessage(10, LogLevel.Warning, "run {RunId} cancelled before it finished; recorded as failed, files stay in the inbox")]
    public static partial void Cancelled(ILogger logger, long? runId);

    [LoggerMessage(11, LogLevel.Error, "run {RunId} failed with {ExceptionType}; recorded as failed, files stay in the inbox")]
    public static partial void Failed(ILogger logger, long? runId, string exceptionType);

    [LoggerMessage(12, LogLevel.Information,
        "run {RunId} linked {Scope}: references relinked {ReferencesRelinked}, pairs left as stored {PairsSkipped}, retired {PairsRetired}")]
    public static partial void Scope(ILogger logger, long runId, string? scope, long referencesRelinked, long pairsSkipped, long pairsRetired);

    [LoggerMessage(13, LogLevel.Information,
        "run {RunId} memory: allocated {AllocatedMb} MB, collections gen0 {Gen0} gen1 {Gen1} gen2 {Gen2}, paused {PausedMs} ms")]
    public static partial void Memory(ILogger logger, long runId, long allocatedMb, int gen0, int gen1, int gen2, long pausedMs);
}
