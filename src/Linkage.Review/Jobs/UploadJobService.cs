using Linkage.Storage;

namespace Linkage.Review.Jobs;

/// <summary>
/// Runs the store's queued upload jobs for as long as its host runs: in the review app when it links uploads
/// itself (the default, so a single-machine install needs nothing else), and in <c>linkage worker</c>. On shutdown
/// the current job's run is cancelled and recorded failed, and the job goes back to the queue for the next runner.
/// Logs carry job and run ids and counts only, never a file name or a value from the data.
/// </summary>
internal sealed partial class UploadJobService(UploadJobRunner runner, ILogger<UploadJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, runner.Options.Runner);
        await runner.RunAsync(Log, stoppingToken).ConfigureAwait(false);
        LogStopped(logger);
    }

    private void Log(UploadOutcome outcome)
    {
        if (outcome.Requeued + outcome.GivenUp > 0)
        {
            LogRequeued(logger, outcome.Requeued, outcome.GivenUp);
        }
        switch (outcome.Kind)
        {
            case UploadOutcomeKind.Completed:
                LogCompleted(logger, outcome.JobId, outcome.RunId, outcome.PairsKept);
                break;
            case UploadOutcomeKind.Failed:
                LogFailed(logger, outcome.JobId, outcome.RunId, outcome.ExceptionType);
                break;
            case UploadOutcomeKind.Released:
                LogReleased(logger, outcome.JobId, outcome.RunId);
                break;
            case UploadOutcomeKind.Lost:
                LogLost(logger, outcome.JobId, outcome.RunId);
                break;
            case UploadOutcomeKind.StoreUnavailable:
                LogUnavailable(logger, outcome.ExceptionType);
                break;
        }
    }

    [LoggerMessage(30, LogLevel.Information, "upload runner {Runner} started")]
    private static partial void LogStarted(ILogger logger, string runner);

    [LoggerMessage(31, LogLevel.Information, "upload job {JobId} completed as run {RunId}: {Pairs} pairs kept")]
    private static partial void LogCompleted(ILogger logger, long? jobId, long? runId, long pairs);

    [LoggerMessage(32, LogLevel.Error, "upload job {JobId} (run {RunId}) failed with {ExceptionType}; recorded on the job")]
    private static partial void LogFailed(ILogger logger, long? jobId, long? runId, string? exceptionType);

    [LoggerMessage(33, LogLevel.Warning, "upload job {JobId} stopped with the host; run {RunId} recorded failed (cancelled), the job queued again")]
    private static partial void LogReleased(ILogger logger, long? jobId, long? runId);

    [LoggerMessage(34, LogLevel.Warning, "upload job {JobId} (run {RunId}) was taken over after missed heartbeats; this runner let it go")]
    private static partial void LogLost(ILogger logger, long? jobId, long? runId);

    [LoggerMessage(35, LogLevel.Warning, "queued again {Requeued} upload jobs whose runner stopped responding; gave up {GivenUp}")]
    private static partial void LogRequeued(ILogger logger, int requeued, int givenUp);

    [LoggerMessage(36, LogLevel.Error, "the upload queue's store is unavailable ({ExceptionType}); trying again")]
    private static partial void LogUnavailable(ILogger logger, string? exceptionType);

    [LoggerMessage(37, LogLevel.Information, "upload runner stopped")]
    private static partial void LogStopped(ILogger logger);
}
