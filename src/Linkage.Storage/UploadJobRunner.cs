using System.Data.Common;
using Linkage.Ingest;
using Linkage.Linking;

namespace Linkage.Storage;

/// <summary>
/// Works through the upload queue of one store: claims a job, links it through <see cref="LinkRun.Execute"/>
/// (the one recorded-run path) while a heartbeat writes its progress, and writes the outcome back. The review
/// app runs one in-process; <c>linkage worker</c> runs one per process, on as many machines as the store serves.
/// </summary>
public sealed class UploadJobRunner(string database, LinkEngine engine, LinkOptions linkOptions, UploadRunnerOptions options) : IDisposable
{
    /// <summary>The <see cref="RunLock"/> upload runners of a store take turns on; the run kind of their runs too.</summary>
    public const string LockName = "upload";

    private readonly SemaphoreSlim _wake = new(0, 1);

    public UploadRunnerOptions Options { get; } = options;

    /// <summary>Ends an idle wait now: a job was just queued.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one wake-up covers every job queued meanwhile.
        }
    }

    /// <summary>Runs queued jobs one after another until <paramref name="stoppingToken"/> is cancelled.</summary>
    /// <param name="report">Told each outcome but the idle ones, from the runner's thread.</param>
    public async Task RunAsync(Action<UploadOutcome> report, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Linking is synchronous underneath; it runs off the caller's thread so shutdown is observed at once.
            var outcome = await RunThread.Run(() => RunNextOrReport(stoppingToken)).ConfigureAwait(false);
            if (outcome.Kind != UploadOutcomeKind.NothingQueued || outcome.Requeued + outcome.GivenUp > 0)
            {
                report(outcome);
            }
            if (outcome.Kind is UploadOutcomeKind.NothingQueued or UploadOutcomeKind.StoreUnavailable)
            {
                try
                {
                    await _wake.WaitAsync(Options.Poll, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Re-queues orphaned jobs, then claims and runs the oldest queued one, if any. Cancelling
    /// <paramref name="stoppingToken"/> stops linking: the run is recorded failed and the job queued again.
    /// </summary>
    public UploadOutcome RunNext(CancellationToken stoppingToken)
    {
        using var jobs = LinkStores.Open(database);
        var (requeued, givenUp) = jobs.RequeueStaleUploads(Options.StaleAfter, Options.MaxAttempts);
        // Runners of one store take turns: the holder of the upload lock works the queue and the others stand by,
        // taking over when it stops or dies (the lock goes with its process). Saving listings is safe at once
        // (SaveListings takes turns itself), but each run stores its pairs in one transaction held while it links:
        // two runs scoring the same pairs would wait on each other's rows, or deadlock when their orders differ.
        // The claim still guarantees one runner per job.
        using var turn = RunLock.TryAcquire(database, LockName);
        if (turn is null || stoppingToken.IsCancellationRequested || jobs.ClaimUpload(Options.Runner) is not { } claim)
        {
            return new UploadOutcome(UploadOutcomeKind.NothingQueued, Requeued: requeued, GivenUp: givenUp);
        }
        using var heartbeat = new Heartbeat(jobs, claim, Options.Heartbeat, stoppingToken);
        try
        {
            var request = Read(claim);
            using var runs = LinkStores.Open(database);
            var (runId, summary) = LinkRun.Execute(runs, request, engine, linkOptions, heartbeat, heartbeat.Attach, cancellationToken: heartbeat.Token);
            heartbeat.Stop();
            return heartbeat.Write(s => s.CompleteUpload(claim, summary.PairsKept))
                ? new UploadOutcome(UploadOutcomeKind.Completed, claim.JobId, runId, summary.PairsKept, Requeued: requeued, GivenUp: givenUp)
                : new UploadOutcome(UploadOutcomeKind.Lost, claim.JobId, runId, Requeued: requeued, GivenUp: givenUp);
        }
        catch (Exception ex) when (heartbeat.ClaimLost)
        {
            heartbeat.Stop();
            return new UploadOutcome(UploadOutcomeKind.Lost, claim.JobId, heartbeat.RunId, ExceptionType: ex.GetType().FullName,
                Requeued: requeued, GivenUp: givenUp);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            heartbeat.Stop();
            heartbeat.Write(s => s.ReleaseUpload(claim));
            return new UploadOutcome(UploadOutcomeKind.Released, claim.JobId, heartbeat.RunId, Requeued: requeued, GivenUp: givenUp);
        }
#pragma warning disable CA1031 // Any failure of one job is recorded on it; the runner goes on with the next.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            heartbeat.Stop();
            // Only the exception's type: messages from ingest or storage may quote values from the data.
            var error = ex is IngestException ? "the stored file could not be read as listings"
                : heartbeat.RunId is null ? "the database refused a new run: " + ex.GetType().Name
                : "linking failed: " + ex.GetType().Name;
            heartbeat.Write(s => s.FailUpload(claim, error));
            return new UploadOutcome(UploadOutcomeKind.Failed, claim.JobId, heartbeat.RunId, ExceptionType: ex.GetType().FullName,
                Requeued: requeued, GivenUp: givenUp);
        }
    }

    public void Dispose() => _wake.Dispose();

    private UploadOutcome RunNextOrReport(CancellationToken stoppingToken)
    {
        try
        {
            return RunNext(stoppingToken);
        }
#pragma warning disable CA1031 // An unreachable store is reported and retried at the next poll; the host keeps running.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new UploadOutcome(UploadOutcomeKind.StoreUnavailable, ExceptionType: ex.GetType().FullName);
        }
    }

    /// <summary>
    /// Ingest reads a file (it sniffs encoding and delimiter), so the stored upload is spooled to a private temporary
    /// file, read by the same reader that validated it, and deleted.
    /// </summary>
    private static LinkRunRequest Read(UploadClaim claim)
    {
        var path = Path.Combine(Path.GetTempPath(), "linkage-upload-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllBytes(path, claim.Content);
            var ingest = RecordFileReader.ReadListings(path);
            return new LinkRunRequest
            {
                Kind = LockName,
                ListingsFile = claim.FileName,
                Listings = ingest.Records,
                Ingest = new RunCounts { ListingsRead = claim.RowsRead, ListingsRejected = claim.Rejected },
            };
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Writes a claimed job's progress every interval on the jobs connection (which it guards: linking reports from
    /// many threads), and cancels the work when a write finds the claim gone.
    /// </summary>
    private sealed class Heartbeat : IProgress<LinkProgress>, IDisposable
    {
        private readonly LinkStore _jobs;
        private readonly UploadClaim _claim;
        private readonly CancellationTokenSource _work;
        private readonly CancellationTokenSource _beat = new();
        private readonly Lock _store = new();
        private readonly Task _loop;
        private volatile string _stage = "starting";
        private long _done;
        private long _total;
        private volatile bool _claimLost;

        public Heartbeat(LinkStore jobs, UploadClaim claim, TimeSpan interval, CancellationToken stoppingToken)
        {
            _jobs = jobs;
            _claim = claim;
            _work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _loop = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(interval);
                try
                {
                    while (await timer.WaitForNextTickAsync(_beat.Token).ConfigureAwait(false))
                    {
                        Beat();
                    }
                }
                catch (OperationCanceledException)
                {
                    // Stopped.
                }
            }, CancellationToken.None);
        }

        /// <summary>Cancelled on shutdown or when the claim is lost.</summary>
        public CancellationToken Token => _work.Token;

        public bool ClaimLost => _claimLost;

        public long? RunId { get; private set; }

        public void Report(LinkProgress value)
        {
            _stage = value.Stage;
            Interlocked.Exchange(ref _total, value.Total);
            Interlocked.Exchange(ref _done, value.Done);
        }

        public void Attach(long runId)
        {
            RunId = runId;
            Write(s => s.AttachUploadRun(_claim, runId));
        }

        /// <summary>A write of the claimed job, in turn with the beats; a write that finds the claim gone cancels the work.</summary>
        public bool Write(Func<LinkStore, bool> write)
        {
            lock (_store)
            {
                if (_claimLost)
                {
                    return false;
                }
                if (!write(_jobs))
                {
                    _claimLost = true;
                    _work.Cancel();
                }
                return !_claimLost;
            }
        }

        public void Stop()
        {
            _beat.Cancel();
            _loop.Wait();
        }

        public void Dispose()
        {
            Stop();
            _beat.Dispose();
            _work.Dispose();
        }

        private void Beat()
        {
            try
            {
                Write(s => s.ReportUpload(_claim, _stage, Interlocked.Read(ref _done), Interlocked.Read(ref _total)));
            }
            catch (DbException)
            {
                // Busy or briefly unreachable: the next beat tries again, and a long silence lets another runner
                // take the job, which this runner then learns at its next write.
            }
        }
    }
}
