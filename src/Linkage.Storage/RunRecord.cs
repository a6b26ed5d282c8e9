namespace Linkage.Storage;

/// <summary>The counts a run reports when it completes.</summary>
public sealed record RunCounts
{
    public int ReferencesRead { get; init; }
    public int ReferencesRejected { get; init; }
    public int ListingsRead { get; init; }
    public int ListingsRejected { get; init; }
    public long CandidatePairs { get; init; }
    public int PairsKept { get; init; }
    public int Matches { get; init; }
    public int Reviews { get; init; }
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

/// <summary>A candidate pair as stored in the review queue.</summary>
public sealed record StoredCandidate(
    string ReferenceId,
    string ListingId,
    long RunId,
    int Rank,
    double MatchProbability,
    double MatchWeight,
    string Decision,
    string Explanation);
