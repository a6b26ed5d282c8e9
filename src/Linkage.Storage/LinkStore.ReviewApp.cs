using System.Data.Common;
using System.Text.Json;
using Linkage.Dates;
using Linkage.Records;

namespace Linkage.Storage;

/// <summary>A decision as the decision history keeps it.</summary>
public sealed record DecisionRecord(ReviewDecision Decision, string Note, string Reviewer, DateTimeOffset DecidedAt, long PairVersion);

/// <summary>How many pairs are in each review state; <see cref="NeedsRereview"/> overlaps the decided counts.</summary>
public sealed record QueueCounts(int Undecided, int Confirmed, int Rejected, int Unsure, int NeedsRereview);

/// <summary>
/// Reads the review web app needs beyond the queue itself: accounts, progress counts, filter values, the stored
/// records behind a pair (read back from their documents), siblings, decision history and recent runs.
/// </summary>
public sealed partial class LinkStore
{
    private static readonly JsonSerializerOptions DocumentText = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<StoredUser> ListUsers()
    {
        using var command = Command("SELECT name FROM users ORDER BY name");
        var names = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        return [.. names.Select(name => FindUser(name, null)).OfType<StoredUser>()];
    }

    public QueueCounts CountQueue()
    {
        using var command = Command("SELECT decision, needs_rereview, COUNT(*) FROM candidate_pairs GROUP BY decision, needs_rereview");
        using var reader = command.ExecuteReader();
        int undecided = 0, confirmed = 0, rejected = 0, unsure = 0, rereview = 0;
        while (reader.Read())
        {
            var count = (int)reader.GetInt64(2);
            rereview += reader.GetBoolean(1) ? count : 0;
            switch (reader.NullableString(0))
            {
                case null: undecided += count; break;
                case "confirmed": confirmed += count; break;
                case "rejected": rejected += count; break;
                case "unsure": unsure += count; break;
            }
        }
        return new QueueCounts(undecided, confirmed, rejected, unsure, rereview);
    }

    /// <summary>The sources and placement regions of listings that have candidate pairs, for queue filters.</summary>
    public (IReadOnlyList<string> Sources, IReadOnlyList<string> Regions) QueueSourcesAndRegions() =>
        (Strings("SELECT DISTINCT l.source FROM candidate_pairs p JOIN listings l ON l.listing_id = p.listing_id ORDER BY l.source"),
         Strings("SELECT DISTINCT l.placement_region FROM candidate_pairs p JOIN listings l ON l.listing_id = p.listing_id ORDER BY l.placement_region"));

    /// <summary>Every decision taken on a pair, oldest first.</summary>
    public IReadOnlyList<DecisionRecord> GetDecisions(string referenceId, string listingId)
    {
        using var command = Command("""
            SELECT decision, note, reviewer, decided_at, pair_version FROM decisions
            WHERE reference_id = @reference AND listing_id = @listing ORDER BY decision_id
            """);
        command.AddParameter("@reference", referenceId);
        command.AddParameter("@listing", listingId);
        using var reader = command.ExecuteReader();
        var rows = new List<DecisionRecord>();
        while (reader.Read())
        {
            if (ReviewDecisionText.TryParse(reader.GetString(0), out var decision))
            {
                rows.Add(new DecisionRecord(decision, reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4)));
            }
        }
        return rows;
    }

    /// <summary>The most recent runs, newest first.</summary>
    public IReadOnlyList<RunRecord> ListRuns(int limit)
    {
        using var command = Command("SELECT run_id FROM runs ORDER BY run_id DESC LIMIT @limit");
        command.AddParameter("@limit", (long)Math.Max(0, limit));
        var ids = new List<long>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }
        return [.. ids.Select(GetRun).OfType<RunRecord>()];
    }

    public ReferenceRecord? GetReference(string referenceId) =>
        References("SELECT data FROM reference_records WHERE reference_id = @p", referenceId).SingleOrDefault();

    /// <summary>Every stored reference, by id: what an uploaded listings file is linked against.</summary>
    public IReadOnlyList<ReferenceRecord> ReadReferences() => References("SELECT data FROM reference_records ORDER BY reference_id", null);

    /// <summary>The listing as its latest stored version has it.</summary>
    public ListingRecord? GetListingRecord(string listingId) =>
        Listings("""
            SELECT data, scraped_at FROM listing_versions WHERE listing_id = @p
            ORDER BY version_id DESC LIMIT 1
            """, listingId).SingleOrDefault();

    /// <summary>Other references in the same sibling group.</summary>
    public IReadOnlyList<ReferenceRecord> GetReferenceSiblings(ReferenceRecord reference) =>
        reference.Person.SiblingGroup.Length == 0 ? [] :
        [.. References("SELECT data FROM reference_records WHERE data LIKE @p ESCAPE '\\' ORDER BY reference_id", SiblingPattern(reference.Person.SiblingGroup))
            .Where(r => r.RecordId != reference.RecordId && r.Person.SiblingGroup == reference.Person.SiblingGroup)];

    /// <summary>
    /// Other listings of the same source whose current version is in the same sibling group (groups are per file,
    /// so per source). Older versions that matched are dropped: a child moved out of a group is no sibling now.
    /// </summary>
    public IReadOnlyList<ListingRecord> GetListingSiblings(ListingRecord listing)
    {
        if (listing.Person.SiblingGroup.Length == 0)
        {
            return [];
        }
        using var command = Command("""
            SELECT v.listing_id, v.version_id, (SELECT MAX(w.version_id) FROM listing_versions w WHERE w.listing_id = v.listing_id)
            FROM listing_versions v WHERE v.source = @source AND v.data LIKE @p ESCAPE '\'
            """);
        command.AddParameter("@source", listing.Source);
        command.AddParameter("@p", SiblingPattern(listing.Person.SiblingGroup));
        var current = new SortedSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetInt64(1) == reader.GetInt64(2) && reader.GetString(0) != listing.ListingId)
                {
                    current.Add(reader.GetString(0));
                }
            }
        }
        return [.. current.Select(GetListingRecord).OfType<ListingRecord>().Where(l => l.Person.SiblingGroup == listing.Person.SiblingGroup)];
    }

    /// <summary>A LIKE pattern that finds the group in a stored document; matches are checked exactly afterwards.</summary>
    private static string SiblingPattern(string group)
    {
        var json = "\"sibling_group\":" + JsonSerializer.Serialize(group, DocumentText);
        return "%" + json.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }

    private List<string> Strings(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private List<ReferenceRecord> References(string sql, string? parameter)
    {
        using var command = Command(sql);
        if (parameter is not null)
        {
            command.AddParameter("@p", parameter);
        }
        using var reader = command.ExecuteReader();
        var documents = new List<byte[]>();
        while (reader.Read())
        {
            documents.Add(_dialect.Utf8Text(reader, 0));
        }
        return Parsed(documents, data => RecordDocuments.ReadReference(data));
    }

    /// <summary>
    /// Documents parsed on every core, in their order: a run reads tens of thousands, and parsing them (the birth date
    /// from its text included) costs more than reading them.
    /// </summary>
    private static List<T> Parsed<TDocument, T>(List<TDocument> documents, Func<TDocument, T> parse) =>
        documents.Count < 1_000 ? documents.ConvertAll(d => parse(d)) : [.. documents.AsParallel().AsOrdered().Select(parse)];

    private List<ListingRecord> Listings(string sql, string parameter)
    {
        using var command = Command(sql);
        command.AddParameter("@p", parameter);
        return Listings(command);
    }

    /// <summary>Listings from a query whose first columns are a stored document and its scrape time.</summary>
    private List<ListingRecord> Listings(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var documents = new List<(byte[] Data, DateTimeOffset? ScrapedAt)>();
        while (reader.Read())
        {
            documents.Add(ListingDocument(reader));
        }
        return ParseListings(documents);
    }

    /// <summary>A row whose first columns are a stored listing document and its scrape time.</summary>
    private (byte[] Data, DateTimeOffset? ScrapedAt) ListingDocument(DbDataReader reader) => (_dialect.Utf8Text(reader, 0), reader.NullableTime(1));

    private static List<ListingRecord> ParseListings(List<(byte[] Data, DateTimeOffset? ScrapedAt)> documents) =>
        Parsed(documents, row => RecordDocuments.ReadListing(row.Data, row.ScrapedAt));
}
