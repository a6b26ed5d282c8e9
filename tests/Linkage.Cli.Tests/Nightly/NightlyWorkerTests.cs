using System.Diagnostics;

namespace Linkage.Tests.Nightly;

/// <summary><c>linkage worker</c> as a service manager runs it: polls the inbox, and stops cleanly on SIGTERM.</summary>
public sealed class NightlyWorkerTests : IDisposable
{
    private readonly NightlyInbox _box = new();

    [Fact]
    public void The_worker_links_files_as_they_arrive_and_stops_on_sigterm()
    {
        using var worker = LinkageProcess.Start(["worker", "--inbox", _box.Inbox, "--db", _box.Database, "--interval", "00:00:00.500"]);
        WaitUntil(() => worker.Output.Contains("nothing to do", StringComparison.Ordinal), worker);

        _box.DropCorpus();
        WaitUntil(() => Directory.Exists(Path.Combine(_box.Inbox, "processed")) && _box.InboxFiles().Length == 0, worker);
        WaitUntil(() => worker.Output.Contains("worker pass ended: Completed", StringComparison.Ordinal), worker);
        worker.Terminate();

        Assert.Equal(0, worker.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Contains("worker stopped", worker.Output, StringComparison.Ordinal);
        Assert.Equal(1, NightlyInbox.Scalar(_box.Database, "SELECT COUNT(*) FROM runs WHERE kind = 'nightly' AND status = 'completed'"));
    }

    [Fact]
    public void Sigterm_during_a_run_records_it_failed_and_leaves_the_files_for_the_next_run()
    {
        _box.DropCorpus(children: 1500);
        using var worker = LinkageProcess.Start(["worker", "--inbox", _box.Inbox, "--db", _box.Database]);
        WaitUntil(() => File.Exists(_box.Database) && Count("SELECT COUNT(*) FROM runs WHERE status = 'running'") > 0, worker);
        worker.Terminate();

        Assert.Equal(0, worker.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM runs WHERE status = 'running'"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM runs WHERE status = 'failed' AND error LIKE '%cancelled%'"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM candidate_pairs"));
        Assert.Equal(2, _box.InboxFiles().Length);
    }

    private long Count(string sql)
    {
        try
        {
            return NightlyInbox.Scalar(_box.Database, sql);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return -1; // not migrated yet, or busy for a moment
        }
    }

    private static void WaitUntil(Func<bool> condition, LinkageProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, "the worker exited:\n" + process.Output);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "timed out:\n" + process.Output);
            Thread.Sleep(10);
        }
    }

    public void Dispose() => _box.Dispose();
}
