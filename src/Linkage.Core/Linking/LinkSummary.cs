namespace Linkage.Linking;

/// <summary>What a streamed link run did, known once its last kept candidate has been taken.</summary>
public sealed record LinkSummary
{
    /// <summary>Distinct reference–listing pairs blocking proposed and the model scored.</summary>
    public required long CandidatePairs { get; init; }

    /// <summary>Pairs each blocking rule proposed (a pair proposed by two rules counts under both).</summary>
    public required IReadOnlyDictionary<string, long> PairsPerRule { get; init; }

    /// <summary>Candidates kept, over every reference.</summary>
    public required long PairsKept { get; init; }

    public required long MatchCount { get; init; }

    public required long ReviewCount { get; init; }
}
