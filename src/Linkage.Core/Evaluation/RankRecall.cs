namespace Linkage.Evaluation;

/// <summary>
/// How well the ranking puts true listings near the top, over the references that have at least one true
/// listing (including references absent from the output, which score 0). Uses the output's <c>rank</c> column
/// as written: pairs sharing a rank all count as at that rank.
/// </summary>
/// <param name="K">The rank cut-off.</param>
/// <param name="Recall">
/// Mean over those references of the fraction of the reference's true listings found at rank ≤ K
/// (a child listed twice, on re-listing, needs both listings in the top K for a full score).
/// </param>
/// <param name="HitRate">Fraction of those references with at least one true listing at rank ≤ K.</param>
public sealed record RankRecall(int K, double Recall, double HitRate);
