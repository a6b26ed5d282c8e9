using System.Data.Common;
using System.Globalization;
using System.Text;
using Linkage.Linking;

namespace Linkage.Storage;

/// <summary>
/// Records a run's candidate pairs as linking hands them over, all in one transaction that its owner commits (a run's
/// result, <see cref="LinkStore.BeginResult"/>), so a run's pairs appear together or not at all. Rows go in multi-row upserts of
/// <see cref="RowsPerStatement"/> through two commands prepared once; each pair's JSON is written once, compactly.
/// The semantics are those of <see cref="LinkStore.SaveCandidates"/>: decisions are never changed, a contradicted
/// decision is flagged for re-review and audited, every score joins the pair's history.
/// </summary>
internal sealed class CandidateWriter : IDisposable
{
    /// <summary>Few rows: SQLite binds named parameters by a linear search, quadratic in the parameters per statement.</summary>
    public const int RowsPerStatement = 16;

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

    private static readonly string[] PairColumns = ["r", "l", "p", "w", "cw", "d", "v", "ws", "b", "e", "g"];

    private static readonly string[] ScoreColumns = ["r", "l", "p", "w", "d", "v"];

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly long _runId;
    private readonly DbCommand _pairs;
    private readonly DbCommand _scores;
    private readonly List<CandidateMatch> _pending = new(RowsPerStatement);
    private readonly HashSet<(string, string)> _pendingPairs = new(RowsPerStatement);
    private readonly EvidenceJson _json = new();

    public CandidateWriter(DbConnection connection, DbTransaction transaction, long runId)
    {
        _connection = connection;
        _transaction = transaction;
        _runId = runId;
        _pairs = Prepare(PairsSql(RowsPerStatement), PairColumns, RowsPerStatement);
        _scores = Prepare(ScoresSql(RowsPerStatement), ScoreColumns, RowsPerStatement);
    }

    public int Saved { get; private set; }

    public void Add(IEnumerable<CandidateMatch> candidates)
    {
        foreach (var candidate in candidates)
        {
            // One statement may not upsert a pair twice (PostgreSQL refuses); a repeated pair starts a new one.
            if (!_pendingPairs.Add((candidate.ReferenceId, candidate.ListingId)))
            {
                WritePending();
                _pendingPairs.Add((candidate.ReferenceId, candidate.ListingId));
            }
            _pending.Add(candidate);
            if (_pending.Count == RowsPerStatement)
            {
                WritePending();
            }
        }
    }

    /// <summary>Writes what is pending, and flags and audits contradicted decisions.</summary>
    public CandidateSaveSummary Complete()
    {
        WritePending();
        int flagged;
        using (var audit = Command("""
            INSERT INTO audit_log (at, actor, action, reference_id, listing_id, run_id, detail, evidence)
            SELECT @at, 'system', 'flag-rereview', reference_id, listing_id, rereview_run_id, rereview_reason, evidence
            FROM candidate_pairs WHERE rereview_run_id = @run AND needs_rereview = TRUE
                AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'flag-rereview' AND a.run_id = @run
                    AND a.reference_id = candidate_pairs.reference_id AND a.listing_id = candidate_pairs.listing_id)
            """))
        {
            audit.AddParameter("@at", DateTimeOffset.UtcNow);
            audit.AddParameter("@run", _runId);
            flagged = audit.ExecuteNonQuery();
        }
        return new CandidateSaveSummary(Saved, flagged);
    }

    public void Dispose()
    {
        _pairs.Dispose();
        _scores.Dispose();
        _json.Dispose();
    }

    private void WritePending()
    {
        if (_pending.Count == 0)
        {
            return;
        }
        if (_pending.Count == RowsPerStatement)
        {
            Write(_pairs, _scores);
        }
        else
        {
            using var pairs = Prepare(PairsSql(_pending.Count), PairColumns, _pending.Count);
            using var scores = Prepare(ScoresSql(_pending.Count), ScoreColumns, _pending.Count);
            Write(pairs, scores);
        }
        Saved += _pending.Count;
        _pending.Clear();
        _pendingPairs.Clear();
    }

    /// <summary>Sets row i's parameters from pending candidate i; the parameters are in column order, row by row.</summary>
    private void Write(DbCommand pairs, DbCommand scores)
    {
        var pairValues = pairs.Parameters;
        var scoreValues = scores.Parameters;
        for (var i = 0; i < _pending.Count; i++)
        {
            var candidate = _pending[i];
            var decision = candidate.Decision.ToText();
            var levels = Levels(candidate.Levels);
            object probability = candidate.MatchProbability;
            object weight = candidate.MatchWeight;
            var p = 1 + i * PairColumns.Length;
            pairValues[p].Value = candidate.ReferenceId;
            pairValues[p + 1].Value = candidate.ListingId;
            pairValues[p + 2].Value = probability;
            pairValues[p + 3].Value = weight;
            pairValues[p + 4].Value = candidate.ComparisonWeight;
            pairValues[p + 5].Value = decision;
            pairValues[p + 6].Value = levels;
            pairValues[p + 7].Value = _json.Weights(candidate.Evidence);
            pairValues[p + 8].Value = _json.Strings(candidate.BlockingRules);
            pairValues[p + 9].Value = _json.Evidence(candidate.Evidence);
            pairValues[p + 10].Value = candidate.ListingSiblingGroup.Length > 0 ? candidate.ListingSiblingGroup : DBNull.Value;
            var s = 1 + i * ScoreColumns.Length;
            scoreValues[s].Value = candidate.ReferenceId;
            scoreValues[s + 1].Value = candidate.ListingId;
            scoreValues[s + 2].Value = probability;
            scoreValues[s + 3].Value = weight;
            scoreValues[s + 4].Value = decision;
            scoreValues[s + 5].Value = levels;
        }
        pairs.ExecuteNonQuery();
        scores.ExecuteNonQuery();
    }

    private static string Levels(IReadOnlyList<byte> levels)
    {
        var text = new StringBuilder(levels.Count * 2);
        for (var i = 0; i < levels.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(levels[i]);
        }
        return text.ToString();
    }

    /// <summary>A command with <c>@run</c> first, then each row's parameters in column order.</summary>
    private DbCommand Prepare(string sql, string[] columns, int rows)
    {
        var command = Command(sql);
        command.AddParameter("@run", _runId);
        for (var i = 0; i < rows; i++)
        {
            foreach (var column in columns)
            {
                command.AddParameter(Name(column, i), null);
            }
        }
        return command;
    }

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private static string Name(string column, int row) => string.Create(CultureInfo.InvariantCulture, $"@{column}{row}");

    private static string Rows(int rows, Func<int, string> row) => string.Join(",\n", Enumerable.Range(0, rows).Select(row));

    private static string PairsSql(int rows) => $"""
        INSERT INTO candidate_pairs (reference_id, listing_id, first_run_id, last_run_id, match_probability,
            match_weight, comparison_weight, machine_decision, levels, weights, blocking_rules, evidence, listing_sibling_group)
        VALUES {Rows(rows, i => $"({Name("r", i)}, {Name("l", i)}, @run, @run, {Name("p", i)}, {Name("w", i)}, {Name("cw", i)}, {Name("d", i)}, {Name("v", i)}, {Name("ws", i)}, {Name("b", i)}, {Name("e", i)}, {Name("g", i)})")}
        ON CONFLICT (reference_id, listing_id) DO UPDATE SET
            last_run_id = excluded.last_run_id, match_probability = excluded.match_probability,
            match_weight = excluded.match_weight, comparison_weight = excluded.comparison_weight,
            machine_decision = excluded.machine_decision, levels = excluded.levels, weights = excluded.weights, blocking_rules = excluded.blocking_rules,
            evidence = excluded.evidence, listing_sibling_group = excluded.listing_sibling_group,
            needs_rereview = CASE WHEN {NewlyContradicts} THEN TRUE ELSE candidate_pairs.needs_rereview END,
            rereview_reason = CASE WHEN {NewlyContradicts}
                THEN 'decided ' || candidate_pairs.decision || ', now scored ' || excluded.machine_decision
                ELSE candidate_pairs.rereview_reason END,
            rereview_run_id = CASE WHEN {NewlyContradicts} THEN excluded.last_run_id ELSE candidate_pairs.rereview_run_id END,
            version = CASE WHEN {NewlyContradicts} THEN candidate_pairs.version + 1 ELSE candidate_pairs.version END
        """;

    private static string ScoresSql(int rows) => $"""
        INSERT INTO pair_scores (run_id, reference_id, listing_id, match_probability, match_weight, machine_decision, levels)
        VALUES {Rows(rows, i => $"(@run, {Name("r", i)}, {Name("l", i)}, {Name("p", i)}, {Name("w", i)}, {Name("d", i)}, {Name("v", i)})")}
        ON CONFLICT (reference_id, listing_id, run_id) DO UPDATE SET match_probability = excluded.match_probability,
            match_weight = excluded.match_weight, machine_decision = excluded.machine_decision, levels = excluded.levels
        """;
}
