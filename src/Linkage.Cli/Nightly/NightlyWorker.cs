using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Nightly;

/// <summary>
/// Runs the nightly job over the inbox every <see cref="Interval"/> until the host stops. On shutdown the current
/// run is cancelled: <see cref="Storage.LinkRun"/> records it failed and its files stay in the inbox for the next run.
/// A failed or busy pass is logged and retried at the next interval; the runs table keeps the failure.
/// </summary>
internal sealed partial class NightlyWorker(NightlySettings settings, TimeSpan interval, ILogger<NightlyWorker> logger) : BackgroundService
{
    public TimeSpan Interval { get; } = interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WorkerStarted(logger, Interval.TotalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            // The job is synchronous underneath; run it off the host's thread so shutdown is observed at once.
            var outcome = await Task.Run(() => NightlyJob.RunAsync(settings, logger, stoppingToken), CancellationToken.None);
            PassEnded(logger, outcome);
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        WorkerStopped(logger);
    }

    [LoggerMessage(20, LogLevel.Information, "worker polling the inbox every {IntervalSeconds} s")]
    private static partial void WorkerStarted(ILogger logger, double intervalSeconds);

    [LoggerMessage(21, LogLevel.Information, "worker pass ended: {Outcome}")]
    private static partial void PassEnded(ILogger logger, NightlyOutcome outcome);

    [LoggerMessage(22, LogLevel.Information, "worker stopped")]
    private static partial void WorkerStopped(ILogger logger);
}
