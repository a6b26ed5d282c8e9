namespace Linkage.Linking;

/// <summary>The ranked candidates of a link run and what blocking did.</summary>
public sealed record LinkResult
{
    /// <summary>Kept candidates grouped by reference in input order (a sibling group's children together), rank 1 first within each.</summary>
    public required IReadOnlyList<CandidateMatch> Matches { get; init; }

    /// <summary>Distinct reference–listing pairs blocking proposed and the model scored.</summary>
    public required long CandidatePairs { get; init; }

    /// <summary>Pairs each blocking rule proposed (a pair proposed by two rules counts under both).</summary>
    public required IReadOnlyDictionary<string, long> PairsPerRule { get; init; }

    public int MatchCount => Matches.Count(m => m.Decision == MatchDecision.Match);

    public int ReviewCount => Matches.Count(m => m.Decision == MatchDecision.Review);

    /// <summary>The counts alone, as a streamed run reports them.</summary>
    public LinkSummary Summary => new()
    {
        CandidatePairs = CandidatePairs,
        PairsPerRule = PairsPerRule,
        PairsKept = Matches.Count,
        MatchCount = MatchCount,
        ReviewCount = ReviewCount,
    };
}
