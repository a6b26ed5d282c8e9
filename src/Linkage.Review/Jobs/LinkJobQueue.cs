using System.Collections.Concurrent;
using System.Threading.Channels;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Review.Store;
using Linkage.Storage;

namespace Linkage.Review.Jobs;

/// <summary>
/// Links uploaded listings against every stored reference, one job at a time in the background, recording each
/// as a run. Logs carry job and run ids and counts only, never a name from the data.
/// </summary>
internal sealed partial class LinkJobQueue(IReviewStore store, ReviewOptions options, ILogger<LinkJobQueue> logger) : BackgroundService
{
    private readonly Channel<LinkJob> _pending = Channel.CreateUnbounded<LinkJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, LinkJob> _jobs = new();
    private long _lastId;

    public LinkJob Enqueue(string owner, string fileName, IngestResult<ListingRecord> ingest)
    {
        var job = new LinkJob(Interlocked.Increment(ref _lastId), owner, fileName, ingest.Records, ingest.RowsRead, ingest.Rejects);
        _jobs[job.Id] = job;
        _pending.Writer.TryWrite(job);
        return job;
    }

    public LinkJob? Find(long id) => _jobs.GetValueOrDefault(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            await Task.Run(() => Run(job, stoppingToken), stoppingToken);
        }
    }

    private void Run(LinkJob job, CancellationToken cancellationToken)
    {
        var request = new LinkRunRequest
        {
            Kind = "upload",
            ListingsFile = job.FileName,
            Listings = job.Listings,
            Ingest = new RunCounts { ListingsRead = job.RowsRead, ListingsRejected = job.Rejects.Count },
        };
        var linkOptions = new Linking.LinkOptions { MaxCandidatesPerReference = options.CandidatesPerReference, DegreeOfParallelism = options.LinkThreads };
        long? runId = null;
        try
        {
            job.Report("store", 0, job.ListingCount);
            var (_, summary) = store.Link(request, LinkEngine.Default, linkOptions, new Progress(job), started: id =>
            {
                runId = id;
                job.Start(id);
                LogStarted(logger, job.Id, id, job.ListingCount);
            }, cancellationToken);
            job.Complete(summary.PairsKept);
            LogCompleted(logger, job.Id, runId!.Value, summary.PairsKept);
        }
        catch (Exception ex)
        {
            // LinkRun has marked the run failed in the store too, so the failure is visible after a restart.
            job.Fail(runId is null ? "the database refused a new run: " + ex.GetType().Name
                : ex is OperationCanceledException ? "the server stopped before linking finished"
                : "linking failed: " + ex.GetType().Name);
            LogFailed(logger, job.Id, ex);
        }
    }

    /// <summary>Reports straight onto the job: no synchronization context to post to in a background service.</summary>
    private sealed class Progress(LinkJob job) : IProgress<LinkProgress>
    {
        public void Report(LinkProgress value) => job.Report(value.Stage, value.Done, value.Total);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "link job {JobId} started as run {RunId} with {Listings} listings")]
    private static partial void LogStarted(ILogger logger, long jobId, long runId, int listings);

    [LoggerMessage(Level = LogLevel.Information, Message = "link job {JobId} (run {RunId}) completed: {Pairs} pairs kept")]
    private static partial void LogCompleted(ILogger logger, long jobId, long runId, long pairs);

    // Only the exception type is logged: messages from ingest or storage may quote values from the data.
    [LoggerMessage(Level = LogLevel.Error, Message = "link job {JobId} failed with {ExceptionType}")]
    private static partial void LogFailedCore(ILogger logger, long jobId, string exceptionType);

    private static void LogFailed(ILogger logger, long jobId, Exception ex) => LogFailedCore(logger, jobId, ex.GetType().FullName!);
}
