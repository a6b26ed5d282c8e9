using System.Data.Common;
using System.Globalization;
using Linkage.Tests.Nightly;

namespace Linkage.Tests.Sharding;

/// <summary>
/// <c>linkage nightly --shard K/N</c> as N real processes writing into one PostgreSQL, compared with one unsharded
/// process over the same inbox. Skipped without <c>LINKAGE_TEST_POSTGRES</c> locally, failing on CI without a server.
/// </summary>
[RequiresPostgres]
public sealed class ShardedNightlyPostgresTests : IDisposable
{
    private const int Shards = 3;

    private readonly NightlyInbox _box = new();
    private readonly Lazy<PostgresTarget> _sharded = new(() => new PostgresTarget());
    private readonly Lazy<PostgresTarget> _single = new(() => new PostgresTarget());

    private string[] Arguments(string database, params string[] extra) => ["nightly", "--inbox", _box.Inbox, "--db", database, .. extra];

    private string[] Shard(int index, int count = Shards) =>
        Arguments(_sharded.Value.Target, "--shard", string.Create(CultureInfo.InvariantCulture, $"{index}/{count}"), "--wait");

    [StoreFact]
    public void Three_shards_started_together_record_exactly_what_one_process_records()
    {
        var single = SingleProcessQueue();
        _box.DropCorpus(children: 200);

        var processes = Enumerable.Range(0, Shards).Select(k => LinkageProcess.Start(Shard(k))).ToArray();
        var exits = processes.Select(p => p.WaitForExit(TimeSpan.FromMinutes(3))).ToArray();

        Assert.True(exits.All(e => e == 0), string.Join("\n", processes.Select(p => p.Output)));
        foreach (var process in processes)
        {
            process.Dispose();
        }
        using var connection = _sharded.Value.OpenRawConnection();
        Assert.Equal(single, Queue(connection));
        Assert.Equal(1, NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM runs"));
        Assert.Equal(1, NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM runs WHERE status = 'completed'"));
        Assert.Equal(Shards, NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM run_shards WHERE status = 'completed'"));
        // Each pair was scored once, by one shard, in the one run.
        Assert.Equal(single.Count, NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM pair_scores"));
        Assert.Equal(NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM candidate_pairs"), NightlyInbox.Scalar(connection, "SELECT pairs_kept FROM runs"));
        Assert.Equal(NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM listings"), NightlyInbox.Scalar(connection, "SELECT listings_new FROM runs"));
        Assert.Empty(_box.InboxFiles());
    }

    [StoreFact]
    public void The_run_completes_with_its_last_shard_and_a_repeated_or_killed_shard_changes_nothing()
    {
        var single = SingleProcessQueue();
        _box.DropCorpus(children: 200);

        Assert.Equal(0, LinkageProcess.Run(Shard(0)).ExitCode);
        using (var killed = LinkageProcess.Start(Shard(1)))
        {
            // Killed once it is linking (the shard row exists), before it records its pairs.
            using var watch = _sharded.Value.OpenRawConnection();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!killed.HasExited && NightlyInbox.Scalar(watch, "SELECT COUNT(*) FROM run_shards WHERE shard = 1") == 0 && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(2);
            }
            Assert.False(killed.HasExited, "the kill should land mid-run:\n" + killed.Output);
            killed.Kill();
            Assert.Equal(1, NightlyInbox.Scalar(watch, "SELECT COUNT(*) FROM run_shards WHERE shard = 1 AND status = 'running'"));
        }
        var (again, againOutput) = LinkageProcess.Run(Shard(0));
        Assert.True(again == 0, againOutput);
        Assert.Contains("already completed", againOutput, StringComparison.Ordinal);
        using (var connection = _sharded.Value.OpenRawConnection())
        {
            Assert.Equal(0, NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM runs WHERE status = 'completed'"));
        }
        Assert.Equal(2, _box.InboxFiles().Length);

        var (mismatch, mismatchOutput) = LinkageProcess.Run(Shard(1, count: 2));
        Assert.Equal(2, mismatch);
        Assert.Contains("finish it with N = 3", mismatchOutput, StringComparison.Ordinal);

        Assert.Equal(0, LinkageProcess.Run(Shard(2)).ExitCode);
        Assert.Equal(0, LinkageProcess.Run(Shard(1)).ExitCode);

        using var done = _sharded.Value.OpenRawConnection();
        Assert.Equal(single, Queue(done));
        Assert.Equal(1, NightlyInbox.Scalar(done, "SELECT COUNT(*) FROM runs WHERE status = 'completed'"));
        Assert.Empty(_box.InboxFiles());
    }

    [StoreFact]
    public void Two_copies_of_a_shard_exclude_each_other_and_shards_exclude_an_unsharded_run()
    {
        _box.DropCorpus();
        var database = _sharded.Value.Target;
        Storage.LinkStores.Open(database).Dispose();
        string[] Unwaiting(int index) => Arguments(database, "--shard", string.Create(CultureInfo.InvariantCulture, $"{index}/{Shards}"));

        using (var copy = Storage.RunLock.TryAcquire(database, "nightly-shard-1"))
        {
            Assert.NotNull(copy);
            var (exit, output) = LinkageProcess.Run(Unwaiting(1));
            Assert.Equal(75, exit);
            Assert.Contains("shard 1/3", output, StringComparison.Ordinal);
        }
        using (var shardRunning = Storage.RunLock.TryAcquireShared(database, "nightly"))
        {
            Assert.Equal(75, LinkageProcess.Run(Arguments(database)).ExitCode);
        }
        using (var unshardedRunning = Storage.RunLock.TryAcquire(database, "nightly"))
        {
            Assert.Equal(75, LinkageProcess.Run(Unwaiting(0)).ExitCode);
        }
        Assert.Equal(2, _box.InboxFiles().Length);
        using var connection = _sharded.Value.OpenRawConnection();
        Assert.Equal(0, NightlyInbox.Scalar(connection, "SELECT COUNT(*) FROM runs"));
    }

    /// <summary>The queue one unsharded process records over the corpus, the inbox emptied again afterwards.</summary>
    private List<string> SingleProcessQueue()
    {
        _box.DropCorpus(children: 200);
        var (exit, output) = LinkageProcess.Run(Arguments(_single.Value.Target));
        Assert.True(exit == 0, output);
        Assert.Empty(_box.InboxFiles());
        using var connection = _single.Value.OpenRawConnection();
        var queue = Queue(connection);
        Assert.NotEmpty(queue);
        return queue;
    }

    /// <summary>Every field of the queue a reviewer sees, scores and evidence included.</summary>
    private static List<string> Queue(DbConnection connection)
    {
        return NightlyInbox.Rows(connection, """
            SELECT reference_id, listing_id, comparison_weight, listing_sibling_group, match_probability, match_weight, machine_decision, levels, weights,
                blocking_rules, evidence, decision, needs_rereview
            FROM candidate_pairs ORDER BY reference_id, listing_id
            """);
    }

    public void Dispose()
    {
        foreach (var database in new[] { _sharded, _single }.Where(d => d.IsValueCreated))
        {
            database.Value.Dispose();
        }
        _box.Dispose();
    }
}
