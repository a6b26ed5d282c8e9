namespace Linkage.Storage;

public enum AssignmentStatus
{
    Saved,
    /// <summary>The actor is not an admin; nothing was written.</summary>
    Forbidden,
    /// <summary>The assignee is not a reviewer or admin; nothing was written.</summary>
    UnknownAssignee,
    /// <summary>A reference does not exist; nothing was written.</summary>
    NotFound,
}

/// <summary>What an assignment did: <see cref="Changed"/> counts the references whose assignee actually changed.</summary>
public sealed record AssignmentResult(AssignmentStatus Status, int Changed, string Message);

/// <summary>
/// Whose pairs the queue shows: those of children assigned to <see cref="Assignee"/>, those of unassigned
/// children, or both. With neither, the pairs of every assigned child.
/// </summary>
public sealed record AssigneeFilter(string? Assignee, bool Unassigned)
{
    public static AssigneeFilter NoOne { get; } = new(null, true);

    public static AssigneeFilter To(string assignee) => new(assignee, false);

    /// <summary>A reviewer's default queue: their own children and those nobody has taken.</summary>
    public static AssigneeFilter ToOrUnassigned(string assignee) => new(assignee, true);
}

/// <summary>Progress of one reviewer's assigned children (<see cref="Assignee"/> null: the unassigned ones).</summary>
public sealed record AssigneeProgress(string? Assignee, int Children, int Pairs, int DecidedPairs);
