using Linkage.Linking;
using Linkage.Records;
using Linkage.Storage;

namespace Linkage.Review.Store;

/// <summary>A signed-in person and the roles the store grants them.</summary>
internal sealed record ReviewUser(string Name, string Role);

/// <summary>A candidate pair's identity: one reference and one listing.</summary>
internal readonly record struct PairKey(string ReferenceId, string ListingId);

/// <summary>The review status of a pair: pending until someone decides it.</summary>
internal static class ReviewStatus
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string Unsure = "unsure";

    /// <summary>A filter, not a status: decided pairs whose new evidence contradicts the decision.</summary>
    public const string Rereview = "rereview";

    public static IReadOnlyList<string> All { get; } = [Pending, Confirmed, Rejected, Unsure];

    /// <summary>The statuses a reviewer may set.</summary>
    public static IReadOnlyList<string> Decisions { get; } = [Confirmed, Rejected, Unsure];
}

internal enum QueueOrder
{
    /// <summary>Most probable first.</summary>
    Probability,

    /// <summary>Probability nearest one half first: the labels that would teach the model most.</summary>
    Uncertainty,

    /// <summary>Grouped by reference (the child), best candidate first within each.</summary>
    Child,
}

/// <summary>Which pairs the queue shows and in what order. Null filters match everything.</summary>
internal sealed record QueueQuery
{
    public string? Status { get; init; }
    public string? Source { get; init; }
    public string? Region { get; init; }
    public double? MinProbability { get; init; }
    public double? MaxProbability { get; init; }
    /// <summary>Whose children: null for everyone's.</summary>
    public AssigneeFilter? Assignee { get; init; }
    public QueueOrder Order { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}

/// <summary>One row of the queue.</summary>
internal sealed record QueueItem(
    PairKey Key,
    string ReferenceName,
    string ListingName,
    string Source,
    string PlacementRegion,
    int Rank,
    double MatchProbability,
    string Status,
    bool NeedsRereview,
    string? Assignee);

/// <summary>One page of the queue; <see cref="HasMore"/> when further pairs follow it.</summary>
internal sealed record QueuePage(IReadOnlyList<QueueItem> Items, bool HasMore);

/// <summary>A decision as recorded: who, what, when, with which note.</summary>
internal sealed record DecisionEntry(string Status, string Note, string Reviewer, DateTimeOffset DecidedAt, long Version);

/// <summary>A version of a listing as scraped: a changed or vanished listing shows here.</summary>
internal sealed record ListingVersion(string ContentHash, DateTimeOffset? ScrapedAt, long RunId, string Summary);

/// <summary>Everything the pair page shows.</summary>
internal sealed record PairDetails
{
    public required PairKey Key { get; init; }
    public required ReferenceRecord Reference { get; init; }
    public required ListingRecord Listing { get; init; }
    public required int Rank { get; init; }
    public required double MatchProbability { get; init; }
    public required double MatchWeight { get; init; }
    public required IReadOnlyList<FieldEvidence> Evidence { get; init; }
    public required string Status { get; init; }
    /// <summary>The optimistic-concurrency token a decision must quote.</summary>
    public required long Version { get; init; }
    /// <summary>The reviewer the child is assigned to, if any.</summary>
    public string? Assignee { get; init; }
    /// <summary>Why a later run's evidence contradicts the decision, when it does.</summary>
    public string? RereviewReason { get; init; }
    /// <summary>When the listing disappeared from its source's latest scrape (often: the child was placed).</summary>
    public DateTimeOffset? ListingVanishedAt { get; init; }
    /// <summary>Every decision on this pair, oldest first.</summary>
    public IReadOnlyList<DecisionEntry> Decisions { get; init; } = [];
    /// <summary>The same child's other candidates.</summary>
    public IReadOnlyList<QueueItem> OtherCandidates { get; init; } = [];
    public IReadOnlyList<ReferenceRecord> ReferenceSiblings { get; init; } = [];
    public IReadOnlyList<ListingRecord> ListingSiblings { get; init; } = [];
    public IReadOnlyList<ListingVersion> ListingHistory { get; init; } = [];
}

internal sealed record DecisionRequest(PairKey Key, string Status, string Note, string Reviewer, long ExpectedVersion);

/// <summary>
/// Whether a decision was saved; when not, <see cref="Current"/> is the decision that got there first, or
/// <see cref="Refused"/> says the store no longer lets this user decide (their role changed since sign-in).
/// </summary>
internal sealed record DecisionOutcome(bool Saved, long Version, DecisionEntry? Current, bool Refused = false);

/// <summary>A confirmed match with its evidence, for export and the summary.</summary>
internal sealed record ConfirmedPair(
    PairKey Key,
    ReferenceRecord Reference,
    ListingRecord Listing,
    double MatchProbability,
    double MatchWeight,
    IReadOnlyList<FieldEvidence> Evidence,
    DecisionEntry Decision);
