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
        var engine = LinkEngine.Default;
        long runId;
        try
        {
            runId = store.BeginRun("upload", engine.Model.Name, job.FileName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            job.Fail("the database refused a new run: " + ex.GetType().Name);
            LogFailed(logger, job.Id, ex);
            return;
        }
        job.Start(runId);
        LogStarted(logger, job.Id, runId, job.ListingCount);
        try
        {
            job.Report("store", 0, job.ListingCount);
            store.SaveListings(runId, job.Listings);
            var references = store.ReadReferences();
            var result = Linker.Link(
                references,
                job.Listings,
                engine,
                new Linking.LinkOptions { MaxCandidatesPerReference = options.CandidatesPerReference, DegreeOfParallelism = options.LinkThreads },
                new Progress(job),
                cancellationToken);
            job.Report("save", 0, result.Matches.Count);
            store.SaveCandidates(runId, result.Matches);
            store.CompleteRun(runId, new RunCounts
            {
                ReferencesRead = references.Count,
                ListingsRead = job.RowsRead,
                ListingsRejected = job.Rejects.Count,
                CandidatePairs = result.CandidatePairs,
                PairsKept = result.Matches.Count,
                Matches = result.MatchCount,
                Reviews = result.ReviewCount,
            });
            job.Complete(result.Matches.Count);
            LogCompleted(logger, job.Id, runId, result.Matches.Count);
        }
        catch (Exception ex)
        {
            // The run is marked failed in the store as well, so the failure is visible after a restart.
            job.Fail(ex is OperationCanceledException ? "the server stopped before linking finished" : "linking failed: " + ex.GetType().Name);
            store.FailRun(runId, ex.GetType().Name);
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
    private static partial void LogCompleted(ILogger logger, long jobId, long runId, int pairs);

    // Only the exception type is logged: messages from ingest or storage may quote values from the data.
    [LoggerMessage(Level = LogLevel.Error, Message = "link job {JobId} failed with {ExceptionType}")]
    private static partial void LogFailedCore(ILogger logger, long jobId, string exceptionType);

    private static void LogFailed(ILogger logger, long jobId, Exception ex) => LogFailedCore(logger, jobId, ex.GetType().FullName!);
}
