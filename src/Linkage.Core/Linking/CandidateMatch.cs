namespace Linkage.Linking;

/// <summary>One comparison's evidence for a pair: its level, the weight it added, and what met.</summary>
public sealed record FieldEvidence(string Comparison, string Level, double Weight, string Detail);

/// <summary>A ranked candidate listing for a reference, with the evidence that scored it.</summary>
public sealed record CandidateMatch
{
    public required string ReferenceId { get; init; }
    public required string ListingId { get; init; }
    /// <summary>1 for the best candidate of this reference.</summary>
    public required int Rank { get; init; }
    public required double MatchProbability { get; init; }
    /// <summary>log2 of the Bayes factor summed over comparisons, prior included.</summary>
    public required double MatchWeight { get; init; }
    public required MatchDecision Decision { get; init; }
    /// <summary>The level index of each comparison, in the model's comparison order.</summary>
    public required IReadOnlyList<byte> Levels { get; init; }
    public required IReadOnlyList<FieldEvidence> Evidence { get; init; }
    /// <summary>Names of the blocking rules that proposed this pair.</summary>
    public required IReadOnlyList<string> BlockingRules { get; init; }

    /// <summary>A short human-readable summary of each field's evidence.</summary>
    public string Explanation => string.Join("; ", Evidence.Select(e => $"{e.Comparison}: {e.Detail} {e.Weight:+0.0;-0.0;0.0}"));
}
