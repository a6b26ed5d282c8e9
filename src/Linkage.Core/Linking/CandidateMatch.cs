using System.Globalization;
using System.Text.Json.Serialization;

namespace Linkage.Linking;

/// <summary>One comparison's evidence for a pair: its level, the weight it added, and what met.</summary>
/// <param name="Weight">The weight added, term-frequency adjustment included.</param>
/// <param name="TermFrequency">
/// The part of <paramref name="Weight"/> that is the term-frequency adjustment (0 when none). Evidence stored before
/// it existed reads as 0.
/// </param>
public sealed record FieldEvidence(string Comparison, string Level, double Weight, string Detail, double TermFrequency = 0)
{
    /// <summary>The level's own weight, before the term-frequency adjustment.</summary>
    [JsonIgnore]
    public double LevelWeight => Weight - TermFrequency;

    /// <summary>
    /// One line for people, e.g. "given_name: Соломія ≡ Соломия (UA↔RU dictionary) (rare value) +4.2, of which
    /// term frequency +1.8".
    /// </summary>
    [JsonIgnore]
    public string Summary => TermFrequency == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Comparison}: {Detail} {Weight:+0.0;-0.0;0.0}")
        : string.Create(CultureInfo.InvariantCulture, $"{Comparison}: {Detail} {Weight:+0.0;-0.0;0.0}, of which term frequency {TermFrequency:+0.0;-0.0;0.0}");
}

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

    /// <summary>
    /// <see cref="MatchWeight"/> before sibling evidence: what the comparisons gave, and what decides whether the pair
    /// is among its reference's kept candidates.
    /// </summary>
    [JsonIgnore]
    public double ComparisonWeight { get => _comparisonWeight ?? MatchWeight; init => _comparisonWeight = value; }

    private readonly double? _comparisonWeight;
    public required MatchDecision Decision { get; init; }
    /// <summary>The level index of each comparison, in the model's comparison order.</summary>
    public required IReadOnlyList<byte> Levels { get; init; }
    public required IReadOnlyList<FieldEvidence> Evidence { get; init; }
    /// <summary>Names of the blocking rules that proposed this pair.</summary>
    public required IReadOnlyList<string> BlockingRules { get; init; }

    /// <summary>
    /// The listing's sibling group when the pair was scored (empty when none): what sibling evidence reads, kept with
    /// the pair so that a stored pair is merged without looking its listing up.
    /// </summary>
    [JsonIgnore]
    public string ListingSiblingGroup { get; init; } = string.Empty;

    /// <summary>A short human-readable summary of each field's evidence.</summary>
    public string Explanation => string.Join("; ", Evidence.Select(e => e.Summary));
}
