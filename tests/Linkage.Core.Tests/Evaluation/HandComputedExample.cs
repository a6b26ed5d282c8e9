using Linkage.Linking;
using Linkage.Evaluation;

namespace Linkage.Tests.Evaluation;

/// <summary>
/// A small linkage output whose figures were computed by hand (see <see cref="EvaluatorTests"/>).
/// Three references; five true pairs; eight output pairs. Listing L5 of R3 is true but absent from the output.
/// </summary>
internal static class HandComputedExample
{
    public static readonly TruthPair[] Truth =
    [
        new("R1", "L1"), new("R1", "L2"),
        new("R2", "L3"),
        new("R3", "L4"), new("R3", "L5"),
    ];

    public static readonly ScoredPair[] Pairs =
    [
        new("R1", "L1", 1, 0.95, MatchDecision.Match),    // true
        new("R1", "L7", 2, 0.60, MatchDecision.Review),   // false, ties with R2-L3
        new("R1", "L2", 3, 0.40, MatchDecision.Review),   // true
        new("R2", "L8", 1, 0.80, MatchDecision.Match),    // false
        new("R2", "L3", 2, 0.60, MatchDecision.Review),   // true, ties with R1-L7
        new("R3", "L4", 1, 0.90, MatchDecision.Match),    // true
        new("R3", "L9", 2, 0.20, MatchDecision.NonMatch), // false
        new("R3", "L6", 3, 0.10, MatchDecision.NonMatch), // false
    ];
}
