using Linkage.Linking;
namespace Linkage.Evaluation;

/// <summary>
/// One candidate pair the linker kept: a row of the matches CSV, reduced to what evaluation needs.
/// </summary>
/// <param name="Rank">1 for the best candidate of the reference.</param>
/// <param name="Probability">The match probability, in [0, 1].</param>
public readonly record struct ScoredPair(
    string ReferenceId,
    string ListingId,
    int Rank,
    double Probability,
    MatchDecision Decision);
