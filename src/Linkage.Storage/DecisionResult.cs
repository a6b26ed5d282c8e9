namespace Linkage.Storage;

/// <summary>A reviewer's decision on the pair version they saw.</summary>
public sealed record DecisionRequest(
    string ReferenceId,
    string ListingId,
    ReviewDecision Decision,
    string Reviewer,
    long SeenVersion,
    string Note = "");

public enum DecisionStatus
{
    Saved,
    /// <summary>The pair changed since the reviewer saw it (another decision, or new evidence); nothing was written.</summary>
    Conflict,
    NotFound,
    /// <summary>The reviewer is not a user allowed to decide.</summary>
    Forbidden,
}

/// <summary>What became of a decision; on a conflict, <see cref="Current"/> is the pair as it now stands.</summary>
public sealed record DecisionResult(DecisionStatus Status, QueueItem? Current, string Message);
