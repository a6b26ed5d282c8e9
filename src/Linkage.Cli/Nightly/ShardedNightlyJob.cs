using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Storage;
using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Nightly;

/// <summary>
/// One shard of a nightly run (<c>linkage nightly --shard K/N</c>): N such processes, started on N machines by a
/// scheduler (a Kubernetes Indexed Job, a Slurm job array), read the same inbox and write into one PostgreSQL, and
/// together record what one unsharded run records. They coordinate only through the database:
/// <list type="bullet">
/// <item>each holds the nightly lock shared (an unsharded run, which takes it exclusively, excludes them all) and its
/// own shard's lock exclusively (two copies of one shard exclude each other);</item>
/// <item>under the stage lock, the first shard begins the run, records its batch (<see cref="BatchManifest"/>) and
/// stores the batch's records; the others join that run and read the same files;</item>
/// <item>each links its own references against every current listing (<see cref="LinkShard"/>) and saves their pairs,
/// unlocked: together a full run, which the next unsharded run can build on incrementally;</item>
/// <item>under the stage lock again, the shard that finds all N completed completes the run and moves the files.</item>
/// </list>
/// A shard that fails records itself and the run failed (exit 1); the run stays open, and re-running that shard
/// (the scheduler's retry, or the next night's job) resumes it. A shard re-run after it completed does nothing.
/// </summary>
internal static class ShardedNightlyJob
{
    public static async Task<NightlyOutcome> RunAsync(
        NightlySettings settings, LinkShard shard, Inbox inbox, string storeName, ILogger logger, Action<long> started, CancellationToken cancellationToken)
    {
        if (!LinkStores.IsPostgres(settings.Database))
        {
            NightlyLog.BadInput(logger, "--shard needs a PostgreSQL store (--db or $LINKAGE_DB): the shards on several machines write into one database");
            return NightlyOutcome.BadInput;
        }
        var total = System.Diagnostics.Stopwatch.StartNew();
        var memory = RunMemory.Now();
        var name = shard.ToString();
        using var nightly = await TakeAsync(settings, () => RunLock.TryAcquireShared(settings.Database, NightlySettings.Kind), cancellationToken).ConfigureAwait(false);
        using var own = nightly is null ? null
            : await TakeAsync(settings, () => RunLock.TryAcquire(settings.Database, ShardLockName(shard)), cancellationToken).ConfigureAwait(false);
        if (own is null)
        {
            ShardLog.Busy(logger, name, storeName);
            return NightlyOutcome.Busy;
        }
        using var store = LinkStores.Open(settings.Database);
        var options = settings.LinkOptions with { Shard = shard };

        Joined? run;
        using (await RunLock.AcquireAsync(settings.Database, StageLockName, settings.LockPoll, cancellationToken).ConfigureAwait(false))
        {
            run = Join(store, inbox, settings, shard, logger);
        }
        if (run is null)
        {
            NightlyLog.NothingToDo(logger, inbox.Directory);
            return NightlyOutcome.NothingToDo;
        }
        started(run.RunId);
        var (request, rejects) = run.Read ?? ReadChecked(inbox, run.Manifest, run.Batch);

        if (store.ShardStatus(run.RunId, shard.Index) == "completed")
        {
            ShardLog.AlreadyDone(logger, name, run.RunId);
        }
        else
        {
            var linked = await RunThread.Run(() => ShardedLinkRun.LinkShard(store, run.RunId, request, settings.Engine, options, null, cancellationToken))
                .ConfigureAwait(false);
            ShardLog.Linked(logger, name, run.RunId, linked.CandidatePairs, linked.PairsKept, linked.PairsFlagged, linked.LinkMilliseconds, linked.SaveMilliseconds);
        }

        using (await RunLock.AcquireAsync(settings.Database, StageLockName, settings.LockPoll, cancellationToken).ConfigureAwait(false))
        {
            if (!ShardedLinkRun.TryComplete(store, run.RunId, shard.Count, request, settings.Engine, options))
            {
                ShardLog.LeftToOthers(logger, name, run.RunId);
                return NightlyOutcome.Completed;
            }
            // Still under the stage lock: no shard can begin the next run on these files while they move.
            var processed = inbox.MoveProcessed(run.Batch, run.RunId);
            if (rejects.Count > 0)
            {
                RejectsFile.Write(Path.Combine(processed, "rejects.csv"), rejects);
            }
            NightlyLog.Moved(logger, processed);
        }
        NightlyJob.LogCompleted(logger, store.GetRun(run.RunId)!, total.ElapsedMilliseconds, RunMemory.Since(memory));
        return NightlyOutcome.Completed;
    }

    private const string StageLockName = NightlySettings.Kind + "-stage";

    private static string ShardLockName(LinkShard shard) =>
        NightlySettings.Kind + "-shard-" + shard.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The run this shard takes part in, with its files already read when this shard staged them.</summary>
    private sealed record Joined(long RunId, InboxBatch Batch, string Manifest, (LinkRunRequest, List<IngestReject>)? Read);

    /// <summary>Under the stage lock: join the open run, or begin one on the inbox's files; null when there is nothing to do.</summary>
    private static Joined? Join(LinkStore store, Inbox inbox, NightlySettings settings, LinkShard shard, ILogger logger)
    {
        var name = shard.ToString();
        if (store.FindOpenShardedRun(NightlySettings.Kind) is { } open)
        {
            if (open.ShardCount != shard.Count)
            {
                throw new ShardMismatchException(
                    $"run {open.RunId} is being linked in {open.ShardCount} shards, but this process was started with --shard {name}; finish it with N = {open.ShardCount}");
            }
            if (BatchManifest.Find(inbox, open.Batch) is { } batch)
            {
                // Any shard coming back resumes the run: even one that completed may be the one left to complete it.
                if (open.Failed)
                {
                    store.ResumeShardedRun(open.RunId);
                    ShardLog.Resumed(logger, name, open.RunId);
                }
                ShardLog.Joined(logger, name, open.RunId);
                if (open.Staged)
                {
                    return new Joined(open.RunId, batch, open.Batch, null);
                }
                // The shard that began the run died while storing the batch: store it in its place.
                var read = ReadChecked(inbox, open.Batch, batch);
                ShardedLinkRun.Stage(store, open.RunId, read.Request);
                return new Joined(open.RunId, batch, open.Batch, read);
            }
            store.CloseShardedRun(open.RunId, "abandoned: its files left the inbox before all its shards finished");
            ShardLog.Closed(logger, open.RunId);
        }

        var taken = inbox.Scan();
        if (taken.IsEmpty)
        {
            return null;
        }
        if (taken.Listings.Count == 0)
        {
            throw new ShardMismatchException("references arrived without listings; a nightly run links listings, so add a listings file");
        }
        NightlyLog.Taking(logger, taken.References.Count, taken.Listings.Count);
        var manifest = BatchManifest.Describe(taken);
        var (request, rejects) = NightlyJob.Read(taken, LinkScope.Full);
        var runId = store.BeginShardedRun(NightlySettings.Kind, settings.Engine.Model.Name, request.ReferencesFile, request.ListingsFile, shard.Count, manifest);
        ShardedLinkRun.Stage(store, runId, request);
        ShardLog.Began(logger, name, runId);
        return new Joined(runId, taken, manifest, (request, rejects));
    }

    /// <summary>Reads the run's files, failing if one was rewritten since the run recorded it.</summary>
    private static (LinkRunRequest Request, List<IngestReject> Rejects) ReadChecked(Inbox inbox, string manifest, InboxBatch batch)
    {
        var changed = BatchManifest.Changed(inbox, manifest);
        if (changed.Count > 0)
        {
            throw new ShardMismatchException($"{string.Join(", ", changed)} changed in the inbox while the run's shards were reading it");
        }
        return NightlyJob.Read(batch, LinkScope.Full);
    }

    private static async Task<RunLock?> TakeAsync(NightlySettings settings, Func<RunLock?> take, CancellationToken cancellationToken)
    {
        if (take() is { } taken)
        {
            return taken;
        }
        if (!settings.Wait)
        {
            return null;
        }
        while (true)
        {
            await Task.Delay(settings.LockPoll, cancellationToken).ConfigureAwait(false);
            if (take() is { } later)
            {
                return later;
            }
        }
    }
}

/// <summary>A shard cannot take part as started (wrong N, a rewritten file, a batch without listings): bad input, exit 2.</summary>
internal sealed class ShardMismatchException(string message) : Exception(message);
