using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Linkage.Linking;

namespace Linkage.Storage;

public sealed partial class LinkStore
{
    /// <summary>
    /// A re-scored pair contradicts its decision strongly when a confirmed pair falls to <c>non-match</c> (below the
    /// review threshold) or a rejected pair rises to <c>match</c>. Written against the stored row
    /// (<c>candidate_pairs</c>) and the new score (<c>excluded</c>).
    /// </summary>
    private const string Contradicts = """
        ((candidate_pairs.decision = 'confirmed' AND excluded.machine_decision = 'non-match')
            OR (candidate_pairs.decision = 'rejected' AND excluded.machine_decision = 'match'))
        """;

    private const string NewlyContradicts = "(" + Contradicts + " AND NOT candidate_pairs.needs_rereview)";

    /// <summary>
    /// Records a run's candidate pairs and adds each score to the pair's history. A pair's human decision is never
    /// changed here: a decided pair keeps it, and one whose new score contradicts it is flagged for re-review, its
    /// version bumped (a reviewer looking at the old evidence must reload) and the flag audited.
    /// </summary>
    public CandidateSaveSummary SaveCandidates(long runId, IEnumerable<CandidateMatch> candidates) => InTransaction(transaction =>
    {
        var upsert = $"""
            INSERT INTO candidate_pairs (reference_id, listing_id, first_run_id, last_run_id, rank, match_probability,
                match_weight, machine_decision, levels, weights, blocking_rules, evidence)
            VALUES (@reference, @listing, @run, @run, @rank, @probability, @weight, @decision, @levels, @weights, @rules,
                @evidence)
            ON CONFLICT (reference_id, listing_id) DO UPDATE SET
                last_run_id = excluded.last_run_id, rank = excluded.rank, match_probability = excluded.match_probability,
                match_weight = excluded.match_weight, machine_decision = excluded.machine_decision,
                levels = excluded.levels, weights = excluded.weights, blocking_rules = excluded.blocking_rules,
                evidence = excluded.evidence,
                needs_rereview = CASE WHEN {NewlyContradicts} THEN TRUE ELSE candidate_pairs.needs_rereview END,
                rereview_reason = CASE WHEN {NewlyContradicts}
                    THEN 'decided ' || candidate_pairs.decision || ', now scored ' || excluded.machine_decision
                    ELSE candidate_pairs.rereview_reason END,
                rereview_run_id = CASE WHEN {NewlyContradicts} THEN excluded.last_run_id ELSE candidate_pairs.rereview_run_id END,
                version = CASE WHEN {NewlyContradicts} THEN candidate_pairs.version + 1 ELSE candidate_pairs.version END
            """;
        const string score = """
            INSERT INTO pair_scores (run_id, reference_id, listing_id, match_probability, match_weight, machine_decision, levels)
            VALUES (@run, @reference, @listing, @probability, @weight, @decision, @levels)
            ON CONFLICT (reference_id, listing_id, run_id) DO UPDATE SET match_probability = excluded.match_probability,
                match_weight = excluded.match_weight, machine_decision = excluded.machine_decision, levels = excluded.levels
            """;
        using var batch = new StatementBatch(_connection, transaction);
        var saved = 0;
        foreach (var candidate in candidates)
        {
            (string, object?)[] values =
            [
                ("@reference", candidate.ReferenceId),
                ("@listing", candidate.ListingId),
                ("@run", runId),
                ("@probability", candidate.MatchProbability),
                ("@weight", candidate.MatchWeight),
                ("@decision", candidate.Decision.ToText()),
                ("@levels", string.Join(',', candidate.Levels)),
            ];
            batch.Add(upsert,
            [
                .. values,
                ("@rank", (long)candidate.Rank),
                ("@weights", JsonSerializer.Serialize(candidate.Evidence.Select(e => e.Weight))),
                ("@rules", JsonSerializer.Serialize(candidate.BlockingRules)),
                ("@evidence", JsonSerializer.Serialize(candidate.Evidence)),
            ]);
            batch.Add(score, values);
            saved++;
        }
        batch.Flush();

        var flagged = 0;
        using (var audit = Command("""
            INSERT INTO audit_log (at, actor, action, reference_id, listing_id, run_id, detail, evidence)
            SELECT @at, 'system', 'flag-rereview', reference_id, listing_id, rereview_run_id, rereview_reason, evidence
            FROM candidate_pairs WHERE rereview_run_id = @run AND needs_rereview = TRUE
                AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'flag-rereview' AND a.run_id = @run
                    AND a.reference_id = candidate_pairs.reference_id AND a.listing_id = candidate_pairs.listing_id)
            """, transaction))
        {
            audit.AddParameter("@at", DateTimeOffset.UtcNow);
            audit.AddParameter("@run", runId);
            flagged = audit.ExecuteNonQuery();
        }
        return new CandidateSaveSummary(saved, flagged);
    });

    /// <summary>The review queue, filtered and ordered as asked.</summary>
    public IReadOnlyList<QueueItem> Queue(QueueQuery query)
    {
        using var command = Command(string.Empty);
        var where = new StringBuilder(" WHERE 1 = 1");
        void Filter(string condition, string name, object value)
        {
            where.Append(" AND ").Append(condition);
            command.AddParameter(name, value);
        }
        switch (query.Status)
        {
            case QueueStatus.Undecided:
                where.Append(" AND p.decision IS NULL");
                break;
            case QueueStatus.Decided:
                where.Append(" AND p.decision IS NOT NULL");
                break;
            case QueueStatus.NeedsRereview:
                where.Append(" AND p.needs_rereview = TRUE");
                break;
        }
        if (query.Decision is { } decision)
        {
            Filter("p.decision = @decision", "@decision", decision.ToText());
        }
        if (query.MachineDecision is { } machine)
        {
            Filter("p.machine_decision = @machine", "@machine", machine.ToText());
        }
        if (query.Source is { } source)
        {
            Filter("l.source = @source", "@source", source);
        }
        if (query.PlacementRegion is { } region)
        {
            Filter("l.placement_region = @region", "@region", region);
        }
        if (query.ReferenceId is { } reference)
        {
            Filter("p.reference_id = @reference", "@reference", reference);
        }
        switch (query.Assignee)
        {
            case { Assignee: { } assignee, Unassigned: true }:
                Filter("(a.assignee = @assignee OR a.assignee IS NULL)", "@assignee", assignee);
                break;
            case { Assignee: { } assignee }:
                Filter("a.assignee = @assignee", "@assignee", assignee);
                break;
            case { Unassigned: true }:
                where.Append(" AND a.assignee IS NULL");
                break;
            case not null:
                where.Append(" AND a.assignee IS NOT NULL");
                break;
        }
        if (query.MinProbability is { } min)
        {
            Filter("p.match_probability >= @min", "@min", min);
        }
        if (query.MaxProbability is { } max)
        {
            Filter("p.match_probability <= @max", "@max", max);
        }
        var order = query.Order switch
        {
            QueueOrder.Probability => "p.match_probability DESC, p.reference_id, p.listing_id",
            QueueOrder.Uncertainty => "ABS(p.match_probability - 0.5), p.reference_id, p.listing_id",
            QueueOrder.Reference => "p.reference_id, p.rank, p.listing_id",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Order, "unknown order"),
        };
        command.AddParameter("@limit", (long)Math.Max(0, query.Limit));
        command.AddParameter("@offset", (long)Math.Max(0, query.Offset));
        command.CommandText = PairSelect + where + " ORDER BY " + order + " LIMIT @limit OFFSET @offset";
        return ReadPairs(command);
    }

    public QueueItem? GetPair(string referenceId, string listingId) => GetPair(referenceId, listingId, null);

    /// <summary>Every score the pair received, oldest run first.</summary>
    public IReadOnlyList<PairScore> GetScoreHistory(string referenceId, string listingId)
    {
        using var command = Command("""
            SELECT run_id, match_probability, match_weight, machine_decision, levels FROM pair_scores
            WHERE reference_id = @reference AND listing_id = @listing ORDER BY run_id
            """);
        command.AddParameter("@reference", referenceId);
        command.AddParameter("@listing", listingId);
        using var reader = command.ExecuteReader();
        var scores = new List<PairScore>();
        while (reader.Read())
        {
            scores.Add(new PairScore(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), Machine(reader.GetString(3)), reader.GetString(4)));
        }
        return scores;
    }

    private const string PairSelect = """
        SELECT p.reference_id, p.listing_id, l.source, l.placement_region, l.url, l.vanished_run_id, p.last_run_id, p.rank,
            p.match_probability, p.match_weight, p.machine_decision, p.levels, p.evidence, p.blocking_rules, p.decision,
            p.decided_by, p.decided_at, p.note, p.needs_rereview, p.rereview_reason, p.version, a.assignee
        FROM candidate_pairs p JOIN listings l ON l.listing_id = p.listing_id
            LEFT JOIN assignments a ON a.reference_id = p.reference_id
        """;

    private QueueItem? GetPair(string referenceId, string listingId, DbTransaction? transaction)
    {
        using var command = Command(PairSelect + " WHERE p.reference_id = @reference AND p.listing_id = @listing", transaction);
        command.AddParameter("@reference", referenceId);
        command.AddParameter("@listing", listingId);
        return ReadPairs(command).SingleOrDefault();
    }

    private static MatchDecision Machine(string text) =>
        MatchDecisionText.TryParse(text, out var decision) ? decision : throw new InvalidDataException($"unknown machine decision '{text}'");

    private static List<QueueItem> ReadPairs(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var items = new List<QueueItem>();
        while (reader.Read())
        {
            ReviewDecision? decision = reader.IsDBNull(14) ? null
                : ReviewDecisionText.TryParse(reader.GetString(14), out var d) ? d : null;
            var levels = reader.GetString(11);
            items.Add(new QueueItem
            {
                ReferenceId = reader.GetString(0),
                ListingId = reader.GetString(1),
                Source = reader.GetString(2),
                PlacementRegion = reader.GetString(3),
                Url = reader.GetString(4),
                ListingVanished = !reader.IsDBNull(5),
                LastRunId = reader.GetInt64(6),
                Rank = (int)reader.GetInt64(7),
                MatchProbability = reader.GetDouble(8),
                MatchWeight = reader.GetDouble(9),
                MachineDecision = Machine(reader.GetString(10)),
                Levels = levels.Length == 0 ? [] : [.. levels.Split(',').Select(l => byte.Parse(l, CultureInfo.InvariantCulture))],
                Evidence = JsonSerializer.Deserialize<FieldEvidence[]>(reader.GetString(12)) ?? [],
                BlockingRules = JsonSerializer.Deserialize<string[]>(reader.GetString(13)) ?? [],
                Decision = decision,
                DecidedBy = reader.NullableString(15),
                DecidedAt = reader.NullableTime(16),
                Note = reader.NullableString(17),
                NeedsRereview = reader.GetBoolean(18),
                RereviewReason = reader.NullableString(19),
                Version = reader.GetInt64(20),
                Assignee = reader.NullableString(21),
            });
        }
        return items;
    }
}
