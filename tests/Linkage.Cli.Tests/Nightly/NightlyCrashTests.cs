using System.Diagnostics;
using Linkage.Storage;
using Linkage.Synthetic;
using Microsoft.Data.Sqlite;

namespace Linkage.Tests.Nightly;

/// <summary>
/// SIGKILL a nightly run at a point, run again: the queue (scores and decisions) ends identical to a run never
/// interrupted. The second night is the one killed, so decisions taken after the first night are at stake too.
/// </summary>
public sealed class NightlyCrashTests : IDisposable
{
    private const int Children = 200;
    private readonly NightlyInbox _crashed = new();
    private readonly NightlyInbox _uninterrupted = new();

    public enum KillPoint
    {
        /// <summary>Right after the run row is written: records may be half stored, nothing linked.</summary>
        RunRecorded,
        /// <summary>Once the references and listings are committed, while linking: records stored, no pairs yet.</summary>
        RecordsSaved,
        /// <summary>
        /// At a fixed time into the run, wherever it is (often while pairs are written). The moments between the
        /// pairs' commit and the files' move are too short to hit from outside; re-running them is covered by
        /// the same files linked twice (NightlyCommandTests).
        /// </summary>
        AfterDelay,
    }

    [Theory]
    [InlineData(KillPoint.RunRecorded)]
    [InlineData(KillPoint.RecordsSaved)]
    [InlineData(KillPoint.AfterDelay)]
    public void A_run_killed_and_run_again_leaves_the_queue_of_an_uninterrupted_run(KillPoint point)
    {
        foreach (var box in new[] { _crashed, _uninterrupted })
        {
            DropNight(box, 1);
            Assert.Equal(0, LinkageProcess.Run(box.Arguments()).ExitCode);
            DecideFirstPairs(box.Database, 5);
            DropNight(box, 2);
        }
        Assert.Equal(0, LinkageProcess.Run(_uninterrupted.Arguments()).ExitCode);

        // On a loaded machine the run can outpace the poller and pass the point before the kill lands; such an
        // attempt tests nothing, so the box goes back to its state before the second night and the kill is retried.
        var snapshot = Snapshot(_crashed);
        for (var attempt = 1; ; attempt++)
        {
            using var killed = LinkageProcess.Start(_crashed.Arguments());
            var interrupted = KillAt(killed, point);
            if (point == KillPoint.AfterDelay || (interrupted && _crashed.InboxFiles().Length == 2))
            {
                break;
            }
            KillIfRunning(killed);
            killed.WaitForExit(TimeSpan.FromMinutes(2));
            Assert.True(attempt < 5, $"the kill should land mid-run (interrupted {interrupted}, inbox {_crashed.InboxFiles().Length}):\n{killed.Output}");
            Restore(_crashed, snapshot);
        }
        var (exit, output) = LinkageProcess.Run(_crashed.Arguments());

        Assert.True(exit == 0, output);
        Assert.Equal(NightlyInbox.Queue(_uninterrupted.Database), NightlyInbox.Queue(_crashed.Database));
        Assert.Equal(5, NightlyInbox.Scalar(_crashed.Database, "SELECT COUNT(*) FROM candidate_pairs WHERE decision = 'confirmed'"));
        Assert.Empty(_crashed.InboxFiles());
        Assert.Equal(0, NightlyInbox.Scalar(_crashed.Database, "SELECT COUNT(*) FROM runs WHERE status = 'running'"));
    }

    private static void DropNight(NightlyInbox box, int night)
    {
        var corpus = Path.Combine(box.Corpus, "night" + night.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CorpusGenerator.Write(new SynthOptions { Children = Children, Seed = (ulong)night }, corpus);
        File.Copy(Path.Combine(corpus, "references.csv"), Path.Combine(box.Inbox, $"references-night{night}.csv"));
        File.Copy(Path.Combine(corpus, "listings.csv"), Path.Combine(box.Inbox, $"listings-night{night}.csv"));
    }

    private static void DecideFirstPairs(string database, int count)
    {
        using var store = LinkStores.Open(database);
        store.AddUser("olena", UserRole.Reviewer, "a long enough password", "test");
        foreach (var (reference, listing, version) in FirstPairs(database, count))
        {
            var result = store.Decide(new DecisionRequest(reference, listing, ReviewDecision.Confirmed, "olena", version));
            Assert.Equal(DecisionStatus.Saved, result.Status);
        }
    }

    private static List<(string, string, long)> FirstPairs(string database, int count)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT reference_id, listing_id, version FROM candidate_pairs ORDER BY reference_id, listing_id LIMIT {count}";
        using var reader = command.ExecuteReader();
        var pairs = new List<(string, string, long)>();
        while (reader.Read())
        {
            pairs.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return pairs;
    }

    /// <summary>
    /// Kills the run at the point. For a point seen in the database, the check runs inside a write transaction
    /// (BEGIN IMMEDIATE), so the run cannot commit anything further between the check and the kill.
    /// </summary>
    private bool KillAt(LinkageProcess process, KillPoint point)
    {
        var sql = point switch
        {
            // Each point is "reached and not yet passed": no pair of the run is scored yet.
            KillPoint.RunRecorded => "SELECT COUNT(*) FROM runs WHERE run_id = 2 AND NOT EXISTS (SELECT 1 FROM pair_scores WHERE run_id = 2)",
            KillPoint.RecordsSaved => "SELECT COUNT(*) FROM listings WHERE last_seen_run_id = 2 AND NOT EXISTS (SELECT 1 FROM pair_scores WHERE run_id = 2)",
            _ => null,
        };
        if (sql is null)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(900));
            return KillIfRunning(process);
        }
        using var connection = new SqliteConnection($"Data Source={_crashed.Database};Pooling=False");
        connection.Open();
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            using (var transaction = connection.BeginTransaction(deferred: false))
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    return KillIfRunning(process);
                }
            }
            Thread.Sleep(2);
        }
        return false;
    }

    /// <summary>Copies the box's database files and inbox (processed files included) aside.</summary>
    private static string Snapshot(NightlyInbox box)
    {
        var snapshot = Path.Combine(Path.GetDirectoryName(box.Database)!, "snapshot");
        CopyFolder(box.Inbox, Path.Combine(snapshot, "inbox"));
        foreach (var file in DatabaseFiles(box.Database))
        {
            File.Copy(file, Path.Combine(snapshot, Path.GetFileName(file)));
        }
        return snapshot;
    }

    private static void Restore(NightlyInbox box, string snapshot)
    {
        foreach (var file in DatabaseFiles(box.Database))
        {
            File.Delete(file);
        }
        foreach (var file in Directory.GetFiles(snapshot))
        {
            File.Copy(file, Path.Combine(Path.GetDirectoryName(box.Database)!, Path.GetFileName(file)));
        }
        Directory.Delete(box.Inbox, recursive: true);
        CopyFolder(Path.Combine(snapshot, "inbox"), box.Inbox);
    }

    private static IEnumerable<string> DatabaseFiles(string database) =>
        new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private static bool KillIfRunning(LinkageProcess process)
    {
        if (process.HasExited)
        {
            return false;
        }
        process.Kill();
        return true;
    }

    public void Dispose()
    {
        _crashed.Dispose();
        _uninterrupted.Dispose();
    }
}
