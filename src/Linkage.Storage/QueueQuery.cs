using Linkage.Linking;

namespace Linkage.Storage;

/// <summary>Which pairs of the queue to show.</summary>
public enum QueueStatus
{
    Any,
    /// <summary>No person has decided the pair yet.</summary>
    Undecided,
    Decided,
    /// <summary>Decided, but a later run's evidence contradicts the decision.</summary>
    NeedsRereview,
}

public enum QueueOrder
{
    /// <summary>Most probable first.</summary>
    Probability,
    /// <summary>Probability nearest 0.5 first: the labels that would teach the model most.</summary>
    Uncertainty,
    /// <summary>By reference (child), then rank.</summary>
    Reference,
}

/// <summary>A review-queue query; every filter left null matches everything.</summary>
public sealed record QueueQuery
{
    public QueueStatus Status { get; init; } = QueueStatus.Any;
    public ReviewDecision? Decision { get; init; }
    public MatchDecision? MachineDecision { get; init; }
    public string? Source { get; init; }
    public string? PlacementRegion { get; init; }
    public string? ReferenceId { get; init; }
    public AssigneeFilter? Assignee { get; init; }
    public double? MinProbability { get; init; }
    public double? MaxProbability { get; init; }
    public QueueOrder Order { get; init; } = QueueOrder.Probability;
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
}
