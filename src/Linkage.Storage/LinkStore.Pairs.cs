using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Linkage.Linking;

namespace Linkage.Storage;

public sealed partial class LinkStore
{
    /// <summary>
    /// Records a run's candidate pairs and adds each score to the pair's history. A pair's human decision is never
    /// changed here: a decided pair keeps it, and one whose new score contradicts it is flagged for re-review, its
    /// version bumped (a reviewer looking at the old evidence must reload) and the flag audited.
    /// </summary>
    public CandidateSaveSummary SaveCandidates(long runId, IEnumerable<CandidateMatch> candidates) => InTransaction(transaction =>
    {
        using var writer = new CandidateWriter(_connection, transaction, runId);
        writer.Add(candidates);
        return writer.Complete();
    });

    /// <summary>
    /// Starts writing a run's candidate pairs as they come, in the run's result (<see cref="BeginResult"/>). Nothing
    /// else may use this store until the writer is completed or disposed.
    /// </summary>
    internal CandidateWriter BeginCandidates(long runId)
    {
        BeginResult();
        return new CandidateWriter(_connection, _result!, runId);
    }

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
            QueueOrder.Reference => "p.reference_id, " + RankOrder,
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

    /// <summary>
    /// A child's candidates in the order a run ranks them: by weight; on equal weights (sibling evidence lifted one to
    /// another's) the one its comparisons weighed more; then the lower listing id, by code point.
    /// </summary>
    private string RankOrder =>
        $"p.match_weight DESC, COALESCE(p.comparison_weight, p.match_weight) DESC, p.listing_id{_dialect.OrdinalCollation}";

    private const string PairSelect = """
        SELECT p.reference_id, p.listing_id, l.source, l.placement_region, l.url, l.vanished_run_id, p.last_run_id,
            COALESCE(p.comparison_weight, p.match_weight), p.match_probability, p.match_weight, p.machine_decision, p.levels,
            p.evidence, p.blocking_rules, p.decision, p.decided_by, p.decided_at, p.note, p.needs_rereview, p.rereview_reason,
            p.version, a.assignee
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

    /// <summary>A pair's levels as stored: their indices, comma-separated.</summary>
    private static byte[] ParseLevels(string levels)
    {
        if (levels.Length == 0)
        {
            return [];
        }
        var parsed = new byte[levels.Count(c => c == ',') + 1];
        var field = 0;
        foreach (var part in levels.AsSpan().Split(','))
        {
            parsed[field++] = byte.Parse(levels.AsSpan(part), CultureInfo.InvariantCulture);
        }
        return parsed;
    }

    private List<QueueItem> ReadPairs(DbCommand command)
    {
        var items = new List<(QueueItem Item, double Compared)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add((ReadPair(reader), reader.GetDouble(7)));
            }
        }
        return Ranked(items, command.Transaction);
    }

    /// <summary>
    /// The items with each pair's rank among its child's current candidates, as a run ranks them (<see cref="RankOrder"/>):
    /// 1 plus the current pairs before it. Ranks are derived when read rather than stored, so a run that adds a candidate
    /// to a list rewrites no pair below it.
    /// </summary>
    private List<QueueItem> Ranked(List<(QueueItem Item, double Compared)> items, DbTransaction? transaction)
    {
        var lists = new Dictionary<string, List<(double Weight, double Compared, string ListingId)>>(StringComparer.Ordinal);
        ReadChunked(items.Select(i => i.Item.ReferenceId).Distinct(StringComparer.Ordinal), ids => $"""
            SELECT reference_id, listing_id, match_weight, COALESCE(comparison_weight, match_weight) FROM candidate_pairs
            WHERE retired_run_id IS NULL AND reference_id IN ({ids})
            """, reader =>
        {
            var reference = reader.GetString(0);
            if (!lists.TryGetValue(reference, out var list))
            {
                lists[reference] = list = [];
            }
            list.Add((reader.GetDouble(2), reader.GetDouble(3), reader.GetString(1)));
        }, transaction);
        return items.ConvertAll(pair => pair.Item with
        {
            Rank = 1 + lists.GetValueOrDefault(pair.Item.ReferenceId, []).Count(other =>
                other.Weight > pair.Item.MatchWeight
                || (other.Weight == pair.Item.MatchWeight && (other.Compared > pair.Compared
                    || (other.Compared == pair.Compared && string.CompareOrdinal(other.ListingId, pair.Item.ListingId) < 0)))),
        });
    }

    private static QueueItem ReadPair(DbDataReader reader)
    {
        ReviewDecision? decision = reader.IsDBNull(14) ? null
            : ReviewDecisionText.TryParse(reader.GetString(14), out var d) ? d : null;
        return new QueueItem
        {
            ReferenceId = reader.GetString(0),
            ListingId = reader.GetString(1),
            Source = reader.GetString(2),
            PlacementRegion = reader.GetString(3),
            Url = reader.GetString(4),
            ListingVanished = !reader.IsDBNull(5),
            LastRunId = reader.GetInt64(6),
            // Derived when read (Ranked).
            Rank = 0,
            MatchProbability = reader.GetDouble(8),
            MatchWeight = reader.GetDouble(9),
            MachineDecision = Machine(reader.GetString(10)),
            Levels = ParseLevels(reader.GetString(11)),
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
        };
    }
}
