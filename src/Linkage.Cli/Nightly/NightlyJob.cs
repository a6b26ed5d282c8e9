using System.Diagnostics;
using Linkage.Ingest;
using Linkage.Records;
using Linkage.Storage;
using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Nightly;

/// <summary>
/// One nightly run: take the lock, open the store, take the inbox's files, record a link run through
/// <see cref="LinkRun"/>, move the files out. The same job for <c>linkage nightly</c> and <c>linkage worker</c>.
/// A run is safe to kill at any point: the files leave the inbox only after the run completed, and re-linking
/// files already stored only re-marks unchanged records and pairs, so the queue ends the same.
/// </summary>
internal static class NightlyJob
{
    public static async Task<NightlyOutcome> RunAsync(NightlySettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var inbox = new Inbox(Path.GetFullPath(settings.InboxDirectory));
        if (!Directory.Exists(inbox.Directory))
        {
            NightlyLog.BadInput(logger, $"inbox {inbox.Directory} does not exist");
            return NightlyOutcome.BadInput;
        }
        var storeName = LinkStores.IsPostgres(settings.Database) ? "postgresql" : Path.GetFullPath(settings.Database);
        NightlyLog.Started(logger, inbox.Directory, storeName);
        long? runId = null;
        try
        {
            if (settings.LinkOptions.Shard is { } shard)
            {
                return await ShardedNightlyJob.RunAsync(settings, shard, inbox, storeName, logger, started => runId = started, cancellationToken).ConfigureAwait(false);
            }
            using var runLock = await TakeLockAsync(settings, logger, storeName, cancellationToken).ConfigureAwait(false);
            if (runLock is null)
            {
                return NightlyOutcome.Busy;
            }
            // Opened before looking at the inbox, so a broken database fails the run even on a quiet night.
            using var store = LinkStores.Open(settings.Database);
            if (store.FailAbandonedRuns(NightlySettings.Kind) is var abandoned and > 0)
            {
                NightlyLog.Abandoned(logger, abandoned);
            }
            var batch = inbox.Scan();
            if (batch.IsEmpty)
            {
                // As the store: a model that cannot be loaded fails the run even on a quiet night.
                await settings.EngineLoading.ConfigureAwait(false);
                NightlyLog.NothingToDo(logger, inbox.Directory);
                return NightlyOutcome.NothingToDo;
            }
            NightlyLog.Taking(logger, batch.References.Count, batch.Listings.Count);
            var total = Stopwatch.StartNew();
            var memory = RunMemory.Now();
            var (request, rejects) = Read(batch, settings.Full ? LinkScope.Full : LinkScope.Incremental);
            var (id, _) = await RunThread.Run(() => LinkRun.Execute(
                store, request, settings.Engine, settings.LinkOptions, null, started => runId = started, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var processed = inbox.MoveProcessed(batch, id);
            if (rejects.Count > 0)
            {
                RejectsFile.Write(Path.Combine(processed, "rejects.csv"), rejects);
            }
            NightlyLog.Moved(logger, processed);
            LogCompleted(logger, store.GetRun(id)!, total.ElapsedMilliseconds, RunMemory.Since(memory));
            return NightlyOutcome.Completed;
        }
        catch (ShardMismatchException ex)
        {
            NightlyLog.BadInput(logger, ex.Message);
            return NightlyOutcome.BadInput;
        }
        catch (IngestException ex)
        {
            NightlyLog.BadInput(logger, $"{Path.GetFileName(ex.File)} cannot be read");
            return NightlyOutcome.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            NightlyLog.Cancelled(logger, runId);
            return NightlyOutcome.Cancelled;
        }
#pragma warning disable CA1031 // A scheduler acts on the exit code; every failure is logged and mapped to one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            NightlyLog.Failed(logger, runId, ex.GetType().FullName ?? ex.GetType().Name);
            return NightlyOutcome.Failed;
        }
    }

    private static async Task<RunLock?> TakeLockAsync(NightlySettings settings, ILogger logger, string storeName, CancellationToken cancellationToken)
    {
        if (RunLock.TryAcquire(settings.Database, NightlySettings.Kind) is { } taken)
        {
            return taken;
        }
        if (!settings.Wait)
        {
            NightlyLog.Busy(logger, storeName);
            return null;
        }
        NightlyLog.Waiting(logger, storeName);
        return await RunLock.AcquireAsync(settings.Database, NightlySettings.Kind, settings.LockPoll, cancellationToken).ConfigureAwait(false);
    }

    internal static (LinkRunRequest Request, List<IngestReject> Rejects) Read(InboxBatch batch, LinkScope scope)
    {
        var read = Stopwatch.StartNew();
        var references = batch.References.Select(f => RecordFileReader.ReadReferences(f)).ToArray();
        var listings = batch.Listings.Select(f => RecordFileReader.ReadListings(f)).ToArray();
        var rejects = references.SelectMany(r => r.Rejects).Concat(listings.SelectMany(l => l.Rejects)).ToList();
        var request = new LinkRunRequest
        {
            Kind = NightlySettings.Kind,
            ReferencesFile = batch.References.Count == 0 ? null : string.Join(", ", batch.References.Select(Path.GetFileName)),
            ListingsFile = batch.Listings.Count == 0 ? null : string.Join(", ", batch.Listings.Select(Path.GetFileName)),
            References = batch.References.Count == 0 ? null : [.. references.SelectMany(r => r.Records)],
            Listings = [.. listings.SelectMany(l => l.Records)],
            Scope = scope,
            Ingest = new RunCounts
            {
                ReferencesRead = references.Sum(r => (long)r.RowsRead),
                ReferencesRejected = references.Sum(r => (long)r.Rejects.Count),
                ListingsRead = listings.Sum(l => (long)l.RowsRead),
                ListingsRejected = listings.Sum(l => (long)l.Rejects.Count),
                ReadMilliseconds = read.ElapsedMilliseconds,
            },
        };
        return (request, rejects);
    }

    internal static void LogCompleted(ILogger logger, RunRecord run, long totalMs, RunMemory memory)
    {
        var c = run.Counts;
        NightlyLog.Completed(logger, run.RunId, c.ReferencesRead, c.ReferencesRejected, c.ReferencesNew, c.ReferencesChanged,
            c.ListingsRead, c.ListingsRejected, c.ListingsNew, c.ListingsChanged, c.ListingsVanished,
            c.CandidatePairs, c.PairsKept, c.PairsQueued, c.PairsFlagged, c.ReadMilliseconds, c.LinkMilliseconds, c.SaveMilliseconds, totalMs);
        NightlyLog.Scope(logger, run.RunId, run.LinkScope, c.ReferencesRelinked, c.PairsSkipped, c.PairsRetired);
        NightlyLog.Memory(logger, run.RunId, memory.AllocatedBytes >> 20, memory.Gen0, memory.Gen1, memory.Gen2, (long)memory.Paused.TotalMilliseconds);
    }
}
