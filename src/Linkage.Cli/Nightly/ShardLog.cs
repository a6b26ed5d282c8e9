using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Nightly;

/// <summary>The events of a sharded nightly run (<c>--shard K/N</c>); like <see cref="NightlyLog"/>, counts and ids only.</summary>
internal static partial class ShardLog
{
    [LoggerMessage(30, LogLevel.Information, "shard {Shard} began run {RunId} and stored its batch for all shards")]
    public static partial void Began(ILogger logger, string shard, long runId);

    [LoggerMessage(31, LogLevel.Information, "shard {Shard} joined run {RunId}")]
    public static partial void Joined(ILogger logger, string shard, long runId);

    [LoggerMessage(32, LogLevel.Information,
        "shard {Shard} of run {RunId} linked: pairs scored {PairsScored} kept {PairsKept} flagged {PairsFlagged}; link {LinkMs} ms, save {SaveMs} ms")]
    public static partial void Linked(ILogger logger, string shard, long runId, long pairsScored, long pairsKept, long pairsFlagged, long linkMs, long saveMs);

    [LoggerMessage(33, LogLevel.Information, "shard {Shard} already completed in run {RunId}; nothing to link")]
    public static partial void AlreadyDone(ILogger logger, string shard, long runId);

    [LoggerMessage(34, LogLevel.Information, "shard {Shard} done; run {RunId} completes when the last of its shards finishes")]
    public static partial void LeftToOthers(ILogger logger, string shard, long runId);

    [LoggerMessage(35, LogLevel.Warning, "closed run {RunId}: its files left the inbox before all its shards finished")]
    public static partial void Closed(ILogger logger, long runId);

    [LoggerMessage(36, LogLevel.Warning, "another process holds shard {Shard}'s lock on {Store}, or an unsharded nightly run holds the store; this one does nothing (exit 75; --wait waits instead)")]
    public static partial void Busy(ILogger logger, string shard, string store);

    [LoggerMessage(37, LogLevel.Information, "shard {Shard} resumes run {RunId}, recorded failed by an earlier attempt")]
    public static partial void Resumed(ILogger logger, string shard, long runId);
}
