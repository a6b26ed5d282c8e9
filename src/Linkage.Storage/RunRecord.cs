namespace Linkage.Storage;

/// <summary>The counts a run reports when it completes.</summary>
public sealed record RunCounts
{
    public long ReferencesRead { get; init; }
    public long ReferencesRejected { get; init; }
    public long ListingsRead { get; init; }
    public long ListingsRejected { get; init; }
    public long CandidatePairs { get; init; }
    public long PairsKept { get; init; }
    public long Matches { get; init; }
    public long Reviews { get; init; }
}

/// <summary>A run as the store recorded it.</summary>
public sealed record RunRecord(
    long RunId,
    string Kind,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string ModelName,
    RunCounts Counts,
    string? Error);
