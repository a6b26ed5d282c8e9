using Linkage.Tests.Nightly;

namespace Linkage.Tests.Sharding;

/// <summary><c>--shard</c> and <c>$LINKAGE_DB</c> as a scheduler passes them, without a PostgreSQL server.</summary>
public sealed class ShardOptionTests : IDisposable
{
    private readonly NightlyInbox _box = new();

    [Theory]
    [InlineData("3/3", "below N")]
    [InlineData("0/0", "between 1 and")]
    [InlineData("$(JOB_COMPLETION_INDEX)/3", "takes K/N")]
    public void A_shard_that_is_not_K_of_N_is_bad_input_with_the_reason(string shard, string reason)
    {
        _box.DropCorpus();

        var (exit, output) = LinkageProcess.Run(_box.Arguments("--shard", shard));

        Assert.Equal(2, exit);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.Equal(2, _box.InboxFiles().Length);
        Assert.False(File.Exists(_box.Database), "nothing is opened before the options are sound");
    }

    [Fact]
    public void Sharding_a_SQLite_store_is_bad_input_since_shards_share_one_PostgreSQL()
    {
        _box.DropCorpus();

        var (exit, output) = LinkageProcess.Run(_box.Arguments("--shard", "0/2"));

        Assert.Equal(2, exit);
        Assert.Contains("needs a PostgreSQL store", output, StringComparison.Ordinal);
        Assert.Equal(2, _box.InboxFiles().Length);
    }

    [Fact]
    public void Without_db_the_store_comes_from_LINKAGE_DB_so_no_password_sits_on_the_command_line()
    {
        _box.DropCorpus();
        using var process = LinkageProcess.Start(new Dictionary<string, string> { ["LINKAGE_DB"] = _box.Database }, "nightly", "--inbox", _box.Inbox);

        var exit = process.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, process.Output);
        Assert.NotEmpty(NightlyInbox.Queue(_box.Database));
    }

    public void Dispose() => _box.Dispose();
}
