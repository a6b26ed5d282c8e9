using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Linkage.Storage;

namespace Linkage.Tests.Nightly;

/// <summary>
/// The nightly lock and crash safety on PostgreSQL with real processes: skipped without <c>LINKAGE_TEST_POSTGRES</c>
/// on a developer's machine, failing on CI (CI=true) without a server, like the store suite.
/// </summary>
[RequiresPostgres]
public sealed class NightlyPostgresTests : IDisposable
{
    private readonly NightlyInbox _box = new();
    private readonly Lazy<PostgresTarget> _database = new(() => new PostgresTarget());
    private readonly Lazy<PostgresTarget> _uninterrupted = new(() => new PostgresTarget());

    private string Database => _database.Value.Target;

    private string[] Arguments(string database, params string[] extra) => ["nightly", "--inbox", _box.Inbox, "--db", database, .. extra];

    [StoreFact]
    public void A_run_that_finds_the_advisory_lock_taken_exits_75_and_touches_nothing()
    {
        _box.DropCorpus();
        using var held = RunLock.TryAcquire(Database, "nightly");
        Assert.NotNull(held);

        var (exit, output) = LinkageProcess.Run(Arguments(Database));

        Assert.Equal(75, exit);
        Assert.Contains("holds the lock", output, StringComparison.Ordinal);
        Assert.Equal(2, _box.InboxFiles().Length);
    }

    [StoreFact]
    public void Two_runs_started_together_link_the_inbox_once()
    {
        _box.DropCorpus();
        LinkStores.Open(Database).Dispose();
        using var first = LinkageProcess.Start(Arguments(Database));
        using var second = LinkageProcess.Start(Arguments(Database));

        var exits = new[] { first.WaitForExit(TimeSpan.FromMinutes(1)), second.WaitForExit(TimeSpan.FromMinutes(1)) };

        Assert.Contains(0, exits);
        Assert.All(exits, e => Assert.True(e is 0 or 75, $"exit {e}:\n{first.Output}\n{second.Output}"));
        using var connection = _database.Value.OpenRawConnection();
        Assert.Equal(1, NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM runs WHERE status = 'completed'"));
        Assert.Equal(0, NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM runs WHERE status <> 'completed'"));
    }

    [StoreFact]
    public void A_run_killed_after_storing_its_records_and_run_again_leaves_the_queue_of_an_uninterrupted_run()
    {
        _box.DropCorpus(children: 200);
        Assert.Equal(0, LinkageProcess.Run(Arguments(_uninterrupted.Value.Target)).ExitCode);
        _box.DropCorpus(children: 200);

        using (var killed = LinkageProcess.Start(Arguments(Database)))
        {
            using var connection = WaitForConnection(killed);
            var clock = Stopwatch.StartNew();
            while (!killed.HasExited && NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM listings") == 0 && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(2);
            }
            Assert.False(killed.HasExited, "the kill should land mid-run:\n" + killed.Output);
            killed.Kill();
        }
        Assert.Equal(2, _box.InboxFiles().Length);

        var (exit, output) = LinkageProcess.Run(Arguments(Database));

        Assert.True(exit == 0, output);
        using var crashed = _database.Value.OpenRawConnection();
        using var reference = _uninterrupted.Value.OpenRawConnection();
        Assert.Equal(Queue(reference), Queue(crashed));
        Assert.Equal(1, NightlyInbox.Scalar(crashed, "SELECT COUNT(*) FROM runs WHERE status = 'failed' AND error LIKE 'abandoned%'"));
    }

    /// <summary>The schema is empty until the run migrates it; wait for the tables the check reads.</summary>
    private DbConnection WaitForConnection(LinkageProcess process)
    {
        var connection = _database.Value.OpenRawConnection();
        var clock = Stopwatch.StartNew();
        while (NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'listings'") == 0)
        {
            Assert.False(process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(1), process.Output);
            Thread.Sleep(2);
        }
        return connection;
    }

    private static List<string> Queue(DbConnection connection)
    {
        return NightlyInbox.Rows(connection, """
            SELECT reference_id, listing_id, comparison_weight, listing_sibling_group, match_probability, machine_decision, decision
            FROM candidate_pairs ORDER BY reference_id, listing_id
            """);
    }

    public void Dispose()
    {
        foreach (var database in new[] { _database, _uninterrupted }.Where(d => d.IsValueCreated))
        {
            database.Value.Dispose();
        }
        _box.Dispose();
    }
}
