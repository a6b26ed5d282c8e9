using Linkage.Linking;

namespace Linkage.Storage;

/// <summary>A candidate pair as the queue shows it: its latest score and evidence, the listing's state, and
/// the current human decision with the version a reviewer must quote to change it.</summary>
public sealed record QueueItem
{
    public required string ReferenceId { get; init; }
    public required string ListingId { get; init; }
    public required string Source { get; init; }
    public required string PlacementRegion { get; init; }
    public required string Url { get; init; }
    public required bool ListingVanished { get; init; }
    public required long LastRunId { get; init; }
    public required int Rank { get; init; }
    public required double MatchProbability { get; init; }
    public required double MatchWeight { get; init; }
    public required MatchDecision MachineDecision { get; init; }
    public required IReadOnlyList<byte> Levels { get; init; }
    public required IReadOnlyList<FieldEvidence> Evidence { get; init; }
    public required IReadOnlyList<string> BlockingRules { get; init; }
    public ReviewDecision? Decision { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? Note { get; init; }
    public required bool NeedsRereview { get; init; }
    public string? RereviewReason { get; init; }
    public required long Version { get; init; }
    /// <summary>The reviewer the child is assigned to, if any.</summary>
    public string? Assignee { get; init; }

    public string Explanation => string.Join("; ", Evidence.Select(e => e.Summary));
}

/// <summary>One run's score for a pair.</summary>
public sealed record PairScore(long RunId, double MatchProbability, double MatchWeight, MatchDecision MachineDecision, string Levels);
