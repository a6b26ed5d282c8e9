using Linkage.Linking;
using Linkage.Records;
using Linkage.Storage;
using StorageQuery = Linkage.Storage.QueueQuery;
using StorageOrder = Linkage.Storage.QueueOrder;
using StorageItem = Linkage.Storage.QueueItem;

namespace Linkage.Review.Store;

/// <summary>
/// The review app over the project's <see cref="LinkStore"/> (SQLite or PostgreSQL). A LinkStore connection is not
/// thread-safe, so requests take turns on one; review traffic is a handful of people and each call is short.
/// Upload runs write through a second connection, so a long link job does not hold up the pages.
/// </summary>
internal sealed class StorageReviewStore(LinkStore pages, LinkStore runs) : IReviewStore, IDisposable
{
    private readonly Lock _pagesLock = new();
    private readonly Lock _runsLock = new();

    public static StorageReviewStore Open(string target)
    {
        var pages = LinkStores.Open(target);
        try
        {
            return new StorageReviewStore(pages, LinkStores.Open(target));
        }
        catch
        {
            pages.Dispose();
            throw;
        }
    }

    public ReviewUser? VerifyPassword(string userName, string password) =>
        Locked(s => s.VerifyPassword(userName, password) is { } user ? User(user) : null);

    public IReadOnlyList<ReviewUser> ListUsers() => Locked(s => s.ListUsers().Select(User).ToList());

    public bool AddUser(string userName, string password, string role, string actor) =>
        UserRoleText.TryParse(role, out var parsed)
            ? Locked(s => s.AddUser(userName, parsed, password, actor))
            : throw new ArgumentException($"unknown role '{role}'", nameof(role));

    public QueuePage ReadQueue(QueueQuery query) => Locked(s =>
    {
        // One row more than the page tells whether another page follows, without counting the whole queue.
        var rows = s.Queue(ToStorage(query) with { Limit = query.Limit + 1, Offset = query.Offset });
        return new QueuePage([.. rows.Take(query.Limit).Select(row => Item(s, row))], rows.Count > query.Limit);
    });

    public IReadOnlyList<PairKey> ReadQueueKeys(QueueQuery query) =>
        Locked(s => s.Queue(ToStorage(query) with { Limit = query.Limit, Offset = query.Offset }).Select(row => new PairKey(row.ReferenceId, row.ListingId)).ToList());

    public IReadOnlyDictionary<string, int> CountByStatus() => Locked(s =>
    {
        var counts = s.CountQueue();
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [ReviewStatus.Pending] = counts.Undecided,
            [ReviewStatus.Confirmed] = counts.Confirmed,
            [ReviewStatus.Rejected] = counts.Rejected,
            [ReviewStatus.Unsure] = counts.Unsure,
        };
    });

    public IReadOnlyList<AssigneeProgress> CountByAssignee() => Locked(s => s.CountByAssignee());

    public AssignmentResult Assign(IReadOnlyCollection<string> referenceIds, string? assignee, string actor) =>
        Locked(s => assignee is null ? s.Unassign(referenceIds, actor) : s.Assign(referenceIds, assignee, actor));

    public (IReadOnlyList<string> Sources, IReadOnlyList<string> Regions) FilterValues() => Locked(s => s.QueueSourcesAndRegions());

    public PairDetails? ReadPair(PairKey key) => Locked(s =>
    {
        var pair = s.GetPair(key.ReferenceId, key.ListingId);
        var reference = pair is null ? null : s.GetReference(key.ReferenceId);
        var listing = pair is null ? null : s.GetListingRecord(key.ListingId);
        if (pair is null || reference is null || listing is null)
        {
            return null;
        }
        var others = s.Queue(new StorageQuery { ReferenceId = key.ReferenceId, Order = StorageOrder.Reference, Limit = 100 });
        return new PairDetails
        {
            Key = key,
            Reference = reference,
            Listing = listing,
            Rank = pair.Rank,
            MatchProbability = pair.MatchProbability,
            MatchWeight = pair.MatchWeight,
            Evidence = pair.Evidence,
            Status = Status(pair),
            Version = pair.Version,
            Assignee = pair.Assignee,
            RereviewReason = pair.NeedsRereview ? pair.RereviewReason ?? "new evidence contradicts the decision" : null,
            ListingVanishedAt = s.GetListing(key.ListingId)?.VanishedAt,
            Decisions = [.. s.GetDecisions(key.ReferenceId, key.ListingId).Select(Entry)],
            OtherCandidates = [.. others.Where(o => o.ListingId != key.ListingId).Select(o => Item(s, o))],
            ReferenceSiblings = s.GetReferenceSiblings(reference),
            ListingSiblings = s.GetListingSiblings(listing),
            ListingHistory = [.. s.GetListingHistory(key.ListingId).Select(v => new ListingVersion(v.ContentHash, v.ScrapedAt, v.RunId, Summary(v.Data)))],
        };
    });

    public DecisionOutcome Decide(DecisionRequest request)
    {
        if (!ReviewDecisionText.TryParse(request.Status, out var decision))
        {
            throw new ArgumentException($"'{request.Status}' is not a decision", nameof(request));
        }
        return Locked(s =>
        {
            var result = s.Decide(new Storage.DecisionRequest(
                request.Key.ReferenceId, request.Key.ListingId, decision, request.Reviewer, request.ExpectedVersion, request.Note));
            var current = result.Current is { Decision: not null } pair
                ? new DecisionEntry(pair.Decision.Value.ToText(), pair.Note ?? string.Empty, pair.DecidedBy ?? string.Empty,
                    pair.DecidedAt ?? DateTimeOffset.MinValue, pair.Version)
                : null;
            return new DecisionOutcome(result.Status == DecisionStatus.Saved, result.Current?.Version ?? 0, current,
                Refused: result.Status == DecisionStatus.Forbidden);
        });
    }

    public IReadOnlyList<ConfirmedPair> ReadConfirmed() => Locked(s =>
    {
        var rows = s.Queue(new StorageQuery { Decision = ReviewDecision.Confirmed, Order = StorageOrder.Reference, Limit = int.MaxValue });
        var confirmed = new List<ConfirmedPair>(rows.Count);
        foreach (var row in rows)
        {
            if (s.GetReference(row.ReferenceId) is { } reference && s.GetListingRecord(row.ListingId) is { } listing)
            {
                confirmed.Add(new ConfirmedPair(new PairKey(row.ReferenceId, row.ListingId), reference, listing, row.MatchProbability,
                    row.MatchWeight, row.Evidence,
                    new DecisionEntry(ReviewStatus.Confirmed, row.Note ?? string.Empty, row.DecidedBy ?? string.Empty,
                        row.DecidedAt ?? DateTimeOffset.MinValue, row.Version)));
            }
        }
        return confirmed;
    });

    public void ExportConfirmed(Stream output, ExportFormat format)
    {
        var matches = Locked(ConfirmedMatchExport.Read);
        if (format == ExportFormat.Json)
        {
            ConfirmedMatchExport.WriteJson(output, matches);
            return;
        }
        // A byte-order mark, so spreadsheets opening the download read the Cyrillic as UTF-8.
        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        ConfirmedMatchExport.WriteCsv(writer, matches);
    }

    public (long RunId, LinkSummary Summary) Link(
        LinkRunRequest request, LinkEngine engine, Linking.LinkOptions options, IProgress<LinkProgress>? progress, Action<long>? started,
        CancellationToken cancellationToken) =>
        ForRuns(s => LinkRun.Execute(s, request, engine, options, progress, started, cancellationToken: cancellationToken));

    public IReadOnlyList<RunRecord> ListRuns(int limit) => Locked(s => s.ListRuns(limit));

    public void Dispose()
    {
        pages.Dispose();
        runs.Dispose();
    }

    private T Locked<T>(Func<LinkStore, T> work)
    {
        lock (_pagesLock)
        {
            return work(pages);
        }
    }

    private T ForRuns<T>(Func<LinkStore, T> work)
    {
        lock (_runsLock)
        {
            return work(runs);
        }
    }

    private static StorageQuery ToStorage(QueueQuery query) => new()
    {
        Status = query.Status switch
        {
            ReviewStatus.Pending => QueueStatus.Undecided,
            ReviewStatus.Rereview => QueueStatus.NeedsRereview,
            _ => QueueStatus.Any,
        },
        Decision = ReviewDecisionText.TryParse(query.Status, out var decision) ? decision : null,
        Source = query.Source,
        PlacementRegion = query.Region,
        MinProbability = query.MinProbability,
        MaxProbability = query.MaxProbability,
        Assignee = query.Assignee,
        Order = query.Order switch
        {
            QueueOrder.Uncertainty => StorageOrder.Uncertainty,
            QueueOrder.Child => StorageOrder.Reference,
            _ => StorageOrder.Probability,
        },
    };

    private static QueueItem Item(LinkStore s, StorageItem row) => new(
        new PairKey(row.ReferenceId, row.ListingId),
        s.GetReference(row.ReferenceId) is { } reference ? Name(reference.Person) : string.Empty,
        s.GetListingRecord(row.ListingId) is { } listing ? Name(listing.Person) : string.Empty,
        row.Source,
        row.PlacementRegion,
        row.Rank,
        row.MatchProbability,
        Status(row),
        row.NeedsRereview,
        row.Assignee);

    private static string Status(StorageItem row) => row.Decision is { } decision ? decision.ToText() : ReviewStatus.Pending;

    private static string Name(PersonDetails person) => $"{person.Surname} {person.GivenName}".Trim();

    private static ReviewUser User(StoredUser user) => new(user.Name, user.Role.ToText());

    private static DecisionEntry Entry(DecisionRecord record) =>
        new(record.Decision.ToText(), record.Note, record.Reviewer, record.DecidedAt, record.PairVersion);

    /// <summary>What a listing version said, in one line: enough to see a change of name, date or region.</summary>
    private static string Summary(string document)
    {
        using var json = System.Text.Json.JsonDocument.Parse(document);
        var root = json.RootElement;
        string Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()! : string.Empty;
        return string.Join(" · ", new[] { $"{Field("surname")} {Field("given_name")} {Field("patronymic")}".Trim(), Field("birth_date"), Field("placement_region") }
            .Where(p => p.Length > 0));
    }
}
