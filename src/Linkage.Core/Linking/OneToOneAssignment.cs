using System.Globalization;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// Optional one-to-one assignment: a listing belongs to at most one child. Only listings are constrained: a
/// child may be listed several times (re-listed across scrapes under a new id), so the assignment that keeps
/// the most probability gives each listing to its most probable claimant (no Hungarian step is needed), and
/// every other claim on it (a pair decided match or review) becomes non-match, its evidence naming the winner.
/// The exception is the same child's duplicate reports: a claimant that the model, comparing the two references
/// as a pair, scores at or above the match threshold against the winner is a second report of the same child
/// and keeps its claim, its evidence saying so.
/// </summary>
internal static class OneToOneAssignment
{
    public const string ComparisonName = "one_to_one";

    public static CandidateMatch[] Apply(IReadOnlyList<CandidateMatch> matches, IReadOnlyList<ReferenceRecord> references, LinkEngine engine)
    {
        var result = matches.ToArray();
        var contested = Enumerable.Range(0, result.Length)
            .Where(i => result[i].Decision != MatchDecision.NonMatch)
            .GroupBy(i => result[i].ListingId, StringComparer.Ordinal)
            .Where(g => g.Skip(1).Any())
            .Select(g => g.OrderByDescending(i => result[i].MatchProbability).ThenBy(i => result[i].ReferenceId, StringComparer.Ordinal).ToArray())
            .ToArray();
        if (contested.Length == 0)
        {
            return result;
        }
        var sameChild = DuplicateReports.Among(contested.SelectMany(g => g.Select(i => result[i].ReferenceId)), references, engine);
        foreach (var claims in contested)
        {
            var winner = result[claims[0]];
            foreach (var i in claims.AsSpan(1))
            {
                var claim = result[i];
                var probability = sameChild(winner.ReferenceId, claim.ReferenceId);
                var duplicate = probability >= engine.Model.Thresholds.Match;
                result[i] = claim with
                {
                    Decision = duplicate ? claim.Decision : MatchDecision.NonMatch,
                    Evidence = [.. claim.Evidence, new FieldEvidence(ComparisonName, duplicate ? "duplicate_report" : "assigned_elsewhere", 0,
                        duplicate
                            ? string.Create(CultureInfo.InvariantCulture, $"a second report of the child {winner.ReferenceId}, which also claims this listing (same child: probability {probability:0.###})")
                            : string.Create(CultureInfo.InvariantCulture, $"listing assigned to {winner.ReferenceId} (probability {winner.MatchProbability:0.###}); not the same child (probability {probability:0.###})"))],
                };
            }
        }
        return result;
    }
}
