using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Linkage.Storage;

public sealed partial class LinkStore
{
    /// <summary>
    /// Records a reviewer's decision if the pair is still at the version they saw; otherwise nothing is written and
    /// the result carries the pair as it now stands, so the reviewer can look again and lose nothing. The decision,
    /// its history row and its audit row (with the evidence decided on) are written in one transaction.
    /// Deciding clears a re-review flag.
    /// </summary>
    public DecisionResult Decide(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var note = StoredText.Check(request.Note, "note");
        return InTransaction(transaction =>
        {
            var role = FindUser(request.Reviewer, transaction)?.Role;
            if (role is not { } r || !r.MayDecide())
            {
                return new DecisionResult(DecisionStatus.Forbidden, null,
                    $"'{request.Reviewer}' is not a reviewer or admin");
            }
            var now = DateTimeOffset.UtcNow;
            using (var update = Command("""
                UPDATE candidate_pairs SET decision = @decision, note = @note, decided_by = @reviewer, decided_at = @at,
                    needs_rereview = FALSE, rereview_reason = NULL, version = version + 1
                WHERE reference_id = @reference AND listing_id = @listing AND version = @seen
                """, transaction))
            {
                update.AddParameter("@decision", request.Decision.ToText());
                update.AddParameter("@note", note);
                update.AddParameter("@reviewer", request.Reviewer);
                update.AddParameter("@at", now);
                update.AddParameter("@reference", request.ReferenceId);
                update.AddParameter("@listing", request.ListingId);
                update.AddParameter("@seen", request.SeenVersion);
                if (update.ExecuteNonQuery() == 0)
                {
                    var current = GetPair(request.ReferenceId, request.ListingId, transaction);
                    return current is null
                        ? new DecisionResult(DecisionStatus.NotFound, null, "no such candidate pair")
                        : new DecisionResult(DecisionStatus.Conflict, current, string.Create(CultureInfo.InvariantCulture,
                            $"the pair changed since version {request.SeenVersion} (now version {current.Version}, {Describe(current)}); review it again"));
                }
            }
            var saved = GetPair(request.ReferenceId, request.ListingId, transaction)!;
            using (var history = Command("""
                INSERT INTO decisions (reference_id, listing_id, decision, note, reviewer, decided_at, pair_version)
                VALUES (@reference, @listing, @decision, @note, @reviewer, @at, @version)
                """, transaction))
            {
                history.AddParameter("@reference", request.ReferenceId);
                history.AddParameter("@listing", request.ListingId);
                history.AddParameter("@decision", request.Decision.ToText());
                history.AddParameter("@note", note);
                history.AddParameter("@reviewer", request.Reviewer);
                history.AddParameter("@at", now);
                history.AddParameter("@version", saved.Version);
                history.ExecuteNonQuery();
            }
            Audit(transaction, request.Reviewer, "decide",
                string.Create(CultureInfo.InvariantCulture, $"{request.Decision.ToText()} at version {request.SeenVersion}: {note}"),
                request.ReferenceId, request.ListingId, saved.LastRunId, EvidenceDocument(saved));
            return new DecisionResult(DecisionStatus.Saved, saved, string.Create(CultureInfo.InvariantCulture,
                $"{request.Decision.ToText()}; the pair is now at version {saved.Version}"));
        });
    }

    private static string Describe(QueueItem pair) =>
        pair.Decision is { } decision
            ? $"decided {decision.ToText()} by {pair.DecidedBy}" + (pair.NeedsRereview ? ", flagged for re-review" : string.Empty)
            : pair.NeedsRereview ? "flagged for re-review" : "undecided";

    /// <summary>The evidence a decision was taken on, as the audit log keeps it.</summary>
    private static string EvidenceDocument(QueueItem pair) => JsonSerializer.Serialize(new
    {
        run_id = pair.LastRunId,
        match_probability = pair.MatchProbability,
        match_weight = pair.MatchWeight,
        machine_decision = pair.MachineDecision.ToString(),
        levels = pair.Levels.Select(l => (int)l),
        evidence = pair.Evidence,
    });
}
