using Linkage.Storage;

namespace Linkage.Tests.Nightly;

/// <summary>Two nightly runs at once on SQLite: real processes contending for the lock file beside the database.</summary>
public sealed class NightlyLockTests : IDisposable
{
    private readonly NightlyInbox _box = new();

    [Fact]
    public void A_run_that_finds_the_lock_taken_exits_75_and_touches_nothing()
    {
        _box.DropCorpus();
        using var held = RunLock.TryAcquire(_box.Database, "nightly");
        Assert.NotNull(held);

        var (exit, output) = LinkageProcess.Run(_box.Arguments());

        Assert.Equal(75, exit);
        Assert.Contains("holds the lock", output, StringComparison.Ordinal);
        Assert.Equal(2, _box.InboxFiles().Length);
        Assert.False(File.Exists(_box.Database), "a run that meets the lock exits before opening the store");
    }

    [Fact]
    public void With_wait_a_second_run_waits_for_the_first_and_then_runs()
    {
        _box.DropCorpus();
        var held = RunLock.TryAcquire(_box.Database, "nightly");
        Assert.NotNull(held);
        using var waiting = LinkageProcess.Start(_box.Arguments("--wait"));

        Thread.Sleep(TimeSpan.FromSeconds(3));
        Assert.False(waiting.HasExited, waiting.Output);
        Assert.Contains("waiting for the nightly lock", waiting.Output, StringComparison.Ordinal);
        Assert.Equal(2, _box.InboxFiles().Length);
        held.Dispose();

        Assert.Equal(0, waiting.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Empty(_box.InboxFiles());
    }

    [Fact]
    public void Two_runs_started_together_link_the_inbox_once()
    {
        _box.DropCorpus();
        using var first = LinkageProcess.Start(_box.Arguments());
        using var second = LinkageProcess.Start(_box.Arguments());

        var exits = new[] { first.WaitForExit(TimeSpan.FromMinutes(1)), second.WaitForExit(TimeSpan.FromMinutes(1)) };

        // One links; the other either met the lock (75) or came after and found the inbox empty (0).
        Assert.Contains(0, exits);
        Assert.All(exits, e => Assert.True(e is 0 or 75, $"exit {e}:\n{first.Output}\n{second.Output}"));
        Assert.Equal(1, NightlyInbox.Scalar(_box.Database, "SELECT COUNT(*) FROM runs WHERE kind = 'nightly' AND status = 'completed'"));
        Assert.Equal(0, NightlyInbox.Scalar(_box.Database, "SELECT COUNT(*) FROM runs WHERE status <> 'completed'"));
    }

    public void Dispose() => _box.Dispose();
}
