using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Linkage.Tests.Nightly;

/// <summary>
/// SIGTERM, as systemd, Kubernetes or Slurm send it, to a real <c>linkage</c> process mid-run: the run must end
/// recorded failed (cancelled), never left "running", with its files still in the inbox and an exit code a
/// scheduler reads as "terminated". The store is made slow to answer (another writer holds SQLite's lock for
/// longer than System.CommandLine waits after a signal), as a big save or a busy review app makes it.
/// </summary>
public sealed class NightlyShutdownTests : IDisposable
{
    private static readonly TimeSpan StoreBusyFor = TimeSpan.FromSeconds(4);

    private readonly NightlyInbox _box = new();

    [Fact]
    public void Sigterm_to_nightly_records_the_run_cancelled_even_while_the_store_is_busy()
    {
        _box.DropCorpus(children: 1500);
        using var nightly = LinkageProcess.Start(_box.Arguments());

        TerminateWhileStoreBusy(nightly);

        Assert.Equal(143, nightly.WaitForExit(TimeSpan.FromMinutes(1)));
        AssertCancelledAndLeftForNextRun(nightly);
    }

    [Fact]
    public void Sigterm_to_the_worker_records_the_run_cancelled_even_while_the_store_is_busy_and_exits_0()
    {
        _box.DropCorpus(children: 1500);
        using var worker = LinkageProcess.Start(["worker", "--inbox", _box.Inbox, "--db", _box.Database]);

        TerminateWhileStoreBusy(worker);

        Assert.Equal(0, worker.WaitForExit(TimeSpan.FromMinutes(1)));
        AssertCancelledAndLeftForNextRun(worker);
        Assert.Contains("worker stopped", worker.Output, StringComparison.Ordinal);
    }

    private void TerminateWhileStoreBusy(LinkageProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (Count("SELECT COUNT(*) FROM runs WHERE status = 'running'") < 1)
        {
            Assert.False(process.HasExited, "linkage exited before its run started:\n" + process.Output);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the run did not start:\n" + process.Output);
            Thread.Sleep(10);
        }
        using var busy = new SqliteConnection($"Data Source={_box.Database};Pooling=False");
        busy.Open();
        TakeWriteLock(busy, clock);
        // The run cannot complete while this lock is held: its result commits with its completion.
        Assert.Equal(1, Count("SELECT COUNT(*) FROM runs WHERE status = 'running'", busy));
        process.Terminate();
        Thread.Sleep(StoreBusyFor);
        Execute(busy, "ROLLBACK");
    }

    /// <summary>
    /// Takes SQLite's write lock in the run's first pause between writes. Microsoft.Data.Sqlite retries a busy
    /// BEGIN only every 150 ms, which can miss every pause of a run that writes in long transactions; the native
    /// call, retried every millisecond, cannot.
    /// </summary>
    private static void TakeWriteLock(SqliteConnection connection, Stopwatch clock)
    {
        int result;
        while ((result = raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE")) == raw.SQLITE_BUSY)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the run never paused between writes");
            Thread.Sleep(1);
        }
        SqliteException.ThrowExceptionForRC(result, connection.Handle);
    }

    private static void Execute(SqliteConnection connection, string sql) =>
        SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(connection.Handle, sql), connection.Handle);

    private void AssertCancelledAndLeftForNextRun(LinkageProcess process)
    {
        Assert.True(Count("SELECT COUNT(*) FROM runs WHERE status = 'running'") == 0, "a run was left running:\n" + process.Output);
        Assert.True(Count("SELECT COUNT(*) FROM runs WHERE status = 'failed' AND error LIKE '%cancelled%'") == 1,
            "the run was not recorded cancelled: " + string.Join("; ", Runs()) + "\n" + process.Output);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM candidate_pairs"));
        Assert.Equal(2, _box.InboxFiles().Length);
    }

    private List<string> Runs()
    {
        using var connection = new SqliteConnection($"Data Source={_box.Database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id, kind, status, error FROM runs ORDER BY run_id";
        using var reader = command.ExecuteReader();
        var runs = new List<string>();
        while (reader.Read())
        {
            runs.Add($"run {reader.GetInt64(0)} {reader.GetString(1)} {reader.GetString(2)}: {(reader.IsDBNull(3) ? "" : reader.GetString(3))}");
        }
        return runs;
    }

    private long Count(string sql, SqliteConnection? connection = null)
    {
        if (connection is not null)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        try
        {
            return NightlyInbox.Scalar(_box.Database, sql);
        }
        catch (SqliteException)
        {
            return -1; // not created or migrated yet
        }
    }

    public void Dispose() => _box.Dispose();
}
