using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Storage;

/// <summary>The last completed run as incremental linking sees it: what it linked with and whether it kept the whole result.</summary>
internal sealed record LastLinkRun(long RunId, string? Scope, string? ModelFingerprint);

/// <summary>
/// A current candidate pair as stored: its candidate, with sibling evidence if any (its comparison weight is the
/// weight before that evidence) and its listing's sibling group.
/// </summary>
internal sealed record StoredPair(CandidateMatch Candidate)
{
    /// <summary>Whether a recomputed candidate is exactly this one, apart from the rank.</summary>
    public bool SameScore(CandidateMatch candidate) =>
        Candidate.MatchWeight.Equals(candidate.MatchWeight)
        && Candidate.ListingSiblingGroup == candidate.ListingSiblingGroup
        && Candidate.ComparisonWeight.Equals(candidate.ComparisonWeight)
        && Candidate.MatchProbability.Equals(candidate.MatchProbability)
        && Candidate.Decision == candidate.Decision
        && Same(Candidate.Levels, candidate.Levels)
        && Same(Candidate.Evidence, candidate.Evidence)
        && Same(Candidate.BlockingRules, candidate.BlockingRules);

    /// <summary>The stored list itself (a pair passed through unchanged), or equal items.</summary>
    private static bool Same<T>(IReadOnlyList<T> stored, IReadOnlyList<T> recomputed) =>
        ReferenceEquals(stored, recomputed) || stored.SequenceEqual(recomputed);
}

/// <summary>Change detection and bookkeeping for incremental linking (see <see cref="StoredLinking"/>).</summary>
public sealed partial class LinkStore
{
    /// <summary>Rows per IN (…) list: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int IdChunk = 500;

    internal LastLinkRun? LastCompletedRun()
    {
        using var command = Command("""
            SELECT run_id, link_scope, model_fingerprint FROM runs WHERE status = 'completed' ORDER BY run_id DESC LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new LastLinkRun(reader.GetInt64(0), reader.NullableString(1), reader.NullableString(2)) : null;
    }

    internal void RecordLinkScope(long runId, string scope, string modelFingerprint)
    {
        using var command = Command("UPDATE runs SET link_scope = @scope, model_fingerprint = @fingerprint WHERE run_id = @run");
        command.AddParameter("@scope", scope);
        command.AddParameter("@fingerprint", modelFingerprint);
        command.AddParameter("@run", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>References stored or given new content after run <paramref name="since"/>.</summary>
    internal HashSet<string> ReferencesChangedSince(long since) =>
        IdSet("SELECT reference_id FROM reference_records WHERE changed_run_id > @since", since);

    /// <summary>The sibling groups that references given new content after run <paramref name="since"/> left.</summary>
    internal HashSet<string> SiblingGroupsLeftSince(long since) =>
        IdSet("""
            SELECT previous_sibling_group FROM reference_records
            WHERE changed_run_id > @since AND previous_sibling_group IS NOT NULL
                AND (sibling_group IS NULL OR sibling_group <> previous_sibling_group)
            """, since);

    /// <summary>Current listings that are new, changed or back from vanished after run <paramref name="since"/>.</summary>
    /// <remarks>
    /// One query per index, not a UNION nor an OR: SQLite plans those as scans of every listing. Vanished ones are
    /// dropped in code: on "vanished_run_id IS NULL" SQLite would walk that index over nearly every listing.
    /// </remarks>
    internal HashSet<string> ListingsChangedSince(long since)
    {
        var ids = IdSet("SELECT listing_id, vanished_run_id FROM listings WHERE changed_run_id > @since", since);
        ids.UnionWith(IdSet("SELECT listing_id, vanished_run_id FROM listings WHERE returned_run_id > @since", since));
        return ids;
    }

    /// <summary>
    /// Listings whose stored pairs no longer stand: vanished, or given new content, after run <paramref name="since"/>.
    /// </summary>
    internal HashSet<string> ListingsRetractedSince(long since)
    {
        var ids = IdSet("SELECT listing_id FROM listings WHERE vanished_run_id > @since", since);
        ids.UnionWith(IdSet(
            "SELECT listing_id, vanished_run_id FROM listings WHERE changed_run_id > @since AND first_run_id <= @since", since));
        return ids;
    }

    /// <summary>The first column's ids; when the query has a second column, only the rows where it is null.</summary>
    private HashSet<string> IdSet(string sql, long since)
    {
        using var command = Command(sql);
        command.AddParameter("@since", since);
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.FieldCount < 2 || reader.IsDBNull(1))
            {
                ids.Add(reader.GetString(0));
            }
        }
        return ids;
    }

    /// <summary>The sibling groups any stored version of the listings named was in.</summary>
    internal HashSet<string> SiblingGroupsEverOf(IEnumerable<string> listingIds)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        ReadChunked(listingIds, ids => $"SELECT data FROM listing_versions WHERE listing_id IN ({ids})", reader =>
        {
            using var document = JsonDocument.Parse(reader.GetString(0));
            if (document.RootElement.TryGetProperty("sibling_group", out var group) && group.GetString() is { Length: > 0 } name)
            {
                groups.Add(name);
            }
        });
        return groups;
    }

    /// <summary>The listings whose current version is in one of the sibling groups named; vanished ones too when asked.</summary>
    internal HashSet<string> ListingsInGroups(IEnumerable<string> groups, bool withVanished)
    {
        var listings = new HashSet<string>(StringComparer.Ordinal);
        // Vanished ones are dropped in code, as in ListingsChangedSince.
        ReadChunked(groups, ids => $"SELECT listing_id, vanished_run_id FROM listings WHERE sibling_group IN ({ids})", reader =>
        {
            if (withVanished || reader.IsDBNull(1))
            {
                listings.Add(reader.GetString(0));
            }
        });
        return listings;
    }

    /// <summary>The references holding a current pair with one of the listings named.</summary>
    /// <remarks>Retired pairs are dropped in code: on "retired_run_id IS NULL" SQLite would scan the current-pairs index.</remarks>
    internal HashSet<string> ReferencesHolding(IEnumerable<string> listingIds)
    {
        var references = new HashSet<string>(StringComparer.Ordinal);
        ReadChunked(listingIds, ids => $"SELECT reference_id, retired_run_id FROM candidate_pairs WHERE listing_id IN ({ids})", reader =>
        {
            if (reader.IsDBNull(1))
            {
                references.Add(reader.GetString(0));
            }
        });
        return references;
    }

    /// <summary>The levels and blocking rules of the current pairs of the listings named (retired ones dropped in code, as above).</summary>
    internal Dictionary<(string, string), (byte[] Levels, string[] Rules)> ReadCurrentComparisons(IEnumerable<string> listingIds)
    {
        var pairs = new Dictionary<(string, string), (byte[], string[])>();
        ReadChunked(listingIds,
            ids => $"SELECT reference_id, listing_id, levels, blocking_rules, retired_run_id FROM candidate_pairs WHERE listing_id IN ({ids})",
            reader =>
            {
                if (reader.IsDBNull(4))
                {
                    pairs[(reader.GetString(0), reader.GetString(1))] =
                        (ParseLevels(reader.GetString(2)), JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? []);
                }
            });
        return pairs;
    }

    /// <summary>Runs <paramref name="sql"/> (given the parameter list) for each chunk of <paramref name="values"/>, each row to <paramref name="row"/>.</summary>
    private void ReadChunked(IEnumerable<string> values, Func<string, string> sql, Action<DbDataReader> row, DbTransaction? transaction = null)
    {
        foreach (var chunk in values.Chunk(IdChunk))
        {
            using var command = Command(string.Empty, transaction);
            command.CommandText = sql(InList(command, chunk));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                row(reader);
            }
        }
    }

    /// <summary>
    /// For every reference with current pairs, how many it has and the least comparison weight among them: a new
    /// candidate can enter a full list only at or above that weight.
    /// </summary>
    internal Dictionary<string, (int Count, double Floor)> CurrentListFloors()
    {
        using var command = Command("""
            SELECT reference_id, COUNT(*), MIN(comparison_weight) FROM candidate_pairs WHERE retired_run_id IS NULL GROUP BY reference_id
            """);
        using var reader = command.ExecuteReader();
        var floors = new Dictionary<string, (int, double)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            floors[reader.GetString(0)] = ((int)reader.GetInt64(1), reader.GetDouble(2));
        }
        return floors;
    }

    /// <summary>The current version of every listing not vanished and not seen in <paramref name="notSeenInRun"/>.</summary>
    internal List<ListingRecord> ReadCurrentListings(long notSeenInRun)
    {
        using var command = Command("""
            SELECT v.data, v.scraped_at FROM listings l JOIN listing_versions v ON v.listing_id = l.listing_id
            WHERE l.vanished_run_id IS NULL AND l.last_seen_run_id <> @run
                AND v.version_id = (SELECT MAX(w.version_id) FROM listing_versions w WHERE w.listing_id = l.listing_id)
            """);
        command.AddParameter("@run", notSeenInRun);
        return Listings(command);
    }

    /// <summary>The current version of each listing named.</summary>
    internal List<ListingRecord> ReadListingRecords(IEnumerable<string> listingIds)
    {
        // Read in chunks, parsed together: parsing is spread over the cores only for many documents.
        var documents = new List<(byte[] Data, DateTimeOffset? ScrapedAt)>();
        ReadChunked(listingIds, ids => $"""
            SELECT v.data, v.scraped_at FROM listing_versions v
            WHERE v.listing_id IN ({ids})
                AND v.version_id = (SELECT MAX(w.version_id) FROM listing_versions w WHERE w.listing_id = v.listing_id)
            """, reader => documents.Add(ListingDocument(reader)));
        return ParseListings(documents);
    }

    /// <summary>
    /// The current pairs of the references named, keyed by (reference, listing), with their listings' sibling groups as
    /// stored with them. The evidence of a pair that sibling evidence lifted comes with it (a merge takes that evidence
    /// off); any other pair's evidence and blocking rules are read when first needed (a pair whose sibling evidence
    /// changes is written again), one pair at a time.
    /// </summary>
    internal Dictionary<(string, string), StoredPair> ReadCurrentPairs(IEnumerable<ReferenceRecord> references)
    {
        var pairs = new Dictionary<(string, string), StoredPair>();
        // Every pair read is kept until the run ends: one string per reference and per sibling group, not per pair.
        var reference = string.Empty;
        var siblingGroups = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadChunked(references.Select(r => r.RecordId), ids => $"""
            SELECT reference_id, listing_id, match_probability, match_weight, comparison_weight, machine_decision, levels,
                CASE WHEN comparison_weight <> match_weight THEN evidence END, listing_sibling_group
            FROM candidate_pairs
            WHERE retired_run_id IS NULL AND reference_id IN ({ids})
            """, reader =>
        {
            var read = reader.GetString(0);
            if (read != reference)
            {
                reference = read;
            }
            var listing = reader.GetString(1);
            var siblingGroup = reader.NullableString(8) ?? string.Empty;
            if (siblingGroup.Length > 0 && !siblingGroups.TryAdd(siblingGroup, siblingGroup))
            {
                siblingGroup = siblingGroups[siblingGroup];
            }
            var columns = new StoredPairColumns(this, reference, listing, reader.NullableString(7));
            pairs[(reference, listing)] = new StoredPair(new CandidateMatch
            {
                ReferenceId = reference,
                ListingId = listing,
                // Ranks are not stored (Ranked): merging ranks the lists again.
                Rank = 0,
                MatchProbability = reader.GetDouble(2),
                MatchWeight = reader.GetDouble(3),
                ComparisonWeight = reader.GetDouble(4),
                Decision = Machine(reader.GetString(5)),
                Levels = ParseLevels(reader.GetString(6)),
                Evidence = new StoredJsonList<FieldEvidence>(columns, StoredPairColumns.Evidence),
                BlockingRules = new StoredJsonList<string>(columns, StoredPairColumns.BlockingRules),
                ListingSiblingGroup = siblingGroup,
            });
        });
        return pairs;
    }

    internal string PairColumn(string referenceId, string listingId, string column)
    {
        using var command = Command($"SELECT {column} FROM candidate_pairs WHERE reference_id = @reference AND listing_id = @listing");
        command.AddParameter("@reference", referenceId);
        command.AddParameter("@listing", listingId);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Marks the current result: pairs scored in this run are current again, and the pairs named (or, when
    /// <paramref name="retired"/> is null, every current pair this run did not score) are retired by it.
    /// Returns how many were retired.
    /// </summary>
    internal int MarkCurrentPairs(long runId, IReadOnlyCollection<(string ReferenceId, string ListingId)>? retired) => InTransaction(transaction =>
    {
        using (var back = Command(
            "UPDATE candidate_pairs SET retired_run_id = NULL WHERE last_run_id = @run AND retired_run_id IS NOT NULL", transaction))
        {
            back.AddParameter("@run", runId);
            back.ExecuteNonQuery();
        }
        if (retired is null)
        {
            using var all = Command(
                "UPDATE candidate_pairs SET retired_run_id = @run WHERE retired_run_id IS NULL AND last_run_id <> @run", transaction);
            all.AddParameter("@run", runId);
            return all.ExecuteNonQuery();
        }
        using var batch = new StatementBatch(_connection, transaction);
        foreach (var (reference, listing) in retired)
        {
            batch.Add("""
                UPDATE candidate_pairs SET retired_run_id = @run
                WHERE reference_id = @reference AND listing_id = @listing AND retired_run_id IS NULL
                """, ("@run", runId), ("@reference", reference), ("@listing", listing));
        }
        batch.Flush();
        return retired.Count;
    });

    private static string InList(DbCommand command, string[] values)
    {
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = "@i" + i.ToString(CultureInfo.InvariantCulture);
            command.AddParameter(names[i], values[i]);
        }
        return string.Join(", ", names);
    }
}
