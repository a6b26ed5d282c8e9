using Linkage.Linking;
using Linkage.Records;
using Linkage.Review.Store;
using Linkage.Storage;

namespace Linkage.Review.Tests.Infrastructure;

/// <summary>
/// A store held in memory so the web tests exercise the app's behaviour (auth, encoding, forms, conflicts) without
/// depending on a database; the storage project's own suite covers persistence. Passwords are compared in plain
/// text here only because nothing leaves the test process.
/// </summary>
internal sealed class InMemoryReviewStore : IReviewStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Password, ReviewUser User)> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReferenceRecord> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ListingRecord> _listings = new(StringComparer.Ordinal);
    private readonly Dictionary<PairKey, Pair> _pairs = [];
    private readonly List<RunRecord> _runs = [];

    private sealed class Pair(CandidateMatch match)
    {
        public CandidateMatch Match { get; set; } = match;
        public long Version { get; set; } = 1;
        public List<DecisionEntry> Decisions { get; } = [];
        public string Status => Decisions.Count == 0 ? ReviewStatus.Pending : Decisions[^1].Status;
    }

    public void AddReferences(IEnumerable<ReferenceRecord> references)
    {
        lock (_lock)
        {
            foreach (var reference in references)
            {
                _references[reference.RecordId] = reference;
            }
        }
    }

    public ReviewUser? VerifyPassword(string userName, string password)
    {
        lock (_lock)
        {
            return _users.TryGetValue(userName, out var entry) && entry.Password == password ? entry.User : null;
        }
    }

    public IReadOnlyList<ReviewUser> ListUsers()
    {
        lock (_lock)
        {
            return [.. _users.Values.Select(u => u.User).OrderBy(u => u.Name, StringComparer.Ordinal)];
        }
    }

    public bool AddUser(string userName, string password, string role, string actor)
    {
        lock (_lock)
        {
            return _users.TryAdd(userName, (password, new ReviewUser(userName, role)));
        }
    }

    public QueuePage ReadQueue(QueueQuery query)
    {
        lock (_lock)
        {
            var items = _pairs.Values.Select(Item).Where(i =>
                (query.Status is null || i.Status == query.Status || (query.Status == ReviewStatus.Rereview && i.NeedsRereview))
                && (query.Source is null || i.Source == query.Source)
                && (query.Region is null || i.PlacementRegion == query.Region)
                && (query.MinProbability is null || i.MatchProbability >= query.MinProbability)
                && (query.MaxProbability is null || i.MatchProbability <= query.MaxProbability));
            var ordered = query.Order switch
            {
                QueueOrder.Uncertainty => items.OrderBy(i => Math.Abs(i.MatchProbability - 0.5)),
                QueueOrder.Child => items.OrderBy(i => i.Key.ReferenceId, StringComparer.Ordinal).ThenBy(i => i.Rank),
                _ => items.OrderByDescending(i => i.MatchProbability),
            };
            var all = ordered.ThenBy(i => i.Key.ReferenceId, StringComparer.Ordinal).ThenBy(i => i.Key.ListingId, StringComparer.Ordinal).ToList();
            return new QueuePage([.. all.Skip(query.Offset).Take(query.Limit)], all.Count);
        }
    }

    public IReadOnlyDictionary<string, int> CountByStatus()
    {
        lock (_lock)
        {
            return _pairs.Values.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count());
        }
    }

    public (IReadOnlyList<string> Sources, IReadOnlyList<string> Regions) FilterValues()
    {
        lock (_lock)
        {
            var listings = _pairs.Keys.Select(k => _listings[k.ListingId]).ToList();
            return ([.. listings.Select(l => l.Source).Distinct().Order(StringComparer.Ordinal)],
                [.. listings.Select(l => l.PlacementRegion).Distinct().Order(StringComparer.Ordinal)]);
        }
    }

    public PairDetails? ReadPair(PairKey key)
    {
        lock (_lock)
        {
            if (!_pairs.TryGetValue(key, out var pair))
            {
                return null;
            }
            var reference = _references[key.ReferenceId];
            var listing = _listings[key.ListingId];
            return new PairDetails
            {
                Key = key,
                Reference = reference,
                Listing = listing,
                Rank = pair.Match.Rank,
                MatchProbability = pair.Match.MatchProbability,
                MatchWeight = pair.Match.MatchWeight,
                Evidence = pair.Match.Evidence,
                Status = pair.Status,
                Version = pair.Version,
                Decisions = [.. pair.Decisions],
                OtherCandidates = [.. _pairs.Values.Where(p => p.Match.ReferenceId == key.ReferenceId && p.Match.ListingId != key.ListingId)
                    .Select(Item).OrderBy(i => i.Rank)],
                ReferenceSiblings = reference.Person.SiblingGroup.Length == 0 ? [] :
                    [.. _references.Values.Where(r => r.RecordId != reference.RecordId && r.Person.SiblingGroup == reference.Person.SiblingGroup)],
                ListingSiblings = listing.Person.SiblingGroup.Length == 0 ? [] :
                    [.. _listings.Values.Where(l => l.ListingId != listing.ListingId && l.Person.SiblingGroup == listing.Person.SiblingGroup && l.Source == listing.Source)],
            };
        }
    }

    public DecisionOutcome Decide(DecisionRequest request)
    {
        lock (_lock)
        {
            var pair = _pairs[request.Key];
            if (pair.Version != request.ExpectedVersion)
            {
                return new DecisionOutcome(false, pair.Version, pair.Decisions.Count == 0 ? null : pair.Decisions[^1]);
            }
            pair.Version++;
            var entry = new DecisionEntry(request.Status, request.Note, request.Reviewer, DateTimeOffset.UtcNow, pair.Version);
            pair.Decisions.Add(entry);
            return new DecisionOutcome(true, pair.Version, entry);
        }
    }

    public IReadOnlyList<ConfirmedPair> ReadConfirmed()
    {
        lock (_lock)
        {
            return [.. _pairs.Values.Where(p => p.Status == ReviewStatus.Confirmed).Select(p => new ConfirmedPair(
                new PairKey(p.Match.ReferenceId, p.Match.ListingId), _references[p.Match.ReferenceId], _listings[p.Match.ListingId],
                p.Match.MatchProbability, p.Match.MatchWeight, p.Match.Evidence, p.Decisions[^1]))];
        }
    }

    public IReadOnlyList<ReferenceRecord> ReadReferences()
    {
        lock (_lock)
        {
            return [.. _references.Values];
        }
    }

    public long BeginRun(string kind, string modelName, string? listingsFile, string actor)
    {
        lock (_lock)
        {
            var run = new RunRecord(_runs.Count + 1, kind, "running", DateTimeOffset.UtcNow, null, modelName, new RunCounts(), null);
            _runs.Add(run);
            return run.RunId;
        }
    }

    public void SaveListings(long runId, IReadOnlyList<ListingRecord> listings)
    {
        lock (_lock)
        {
            foreach (var listing in listings)
            {
                _listings[listing.ListingId] = listing;
            }
        }
    }

    public void SaveCandidates(long runId, IReadOnlyList<CandidateMatch> candidates)
    {
        lock (_lock)
        {
            foreach (var candidate in candidates)
            {
                var key = new PairKey(candidate.ReferenceId, candidate.ListingId);
                if (_pairs.TryGetValue(key, out var pair))
                {
                    pair.Match = candidate;
                }
                else
                {
                    _pairs[key] = new Pair(candidate);
                }
            }
        }
    }

    public void CompleteRun(long runId, RunCounts counts) => Finish(runId, "completed", counts, null);

    public void FailRun(long runId, string error) => Finish(runId, "failed", new RunCounts(), error);

    public IReadOnlyList<RunRecord> ListRuns(int limit)
    {
        lock (_lock)
        {
            return [.. _runs.AsEnumerable().Reverse().Take(limit)];
        }
    }

    private void Finish(long runId, string status, RunCounts counts, string? error)
    {
        lock (_lock)
        {
            _runs[(int)runId - 1] = _runs[(int)runId - 1] with { Status = status, FinishedAt = DateTimeOffset.UtcNow, Counts = counts, Error = error };
        }
    }

    private QueueItem Item(Pair pair)
    {
        var reference = _references[pair.Match.ReferenceId];
        var listing = _listings[pair.Match.ListingId];
        return new QueueItem(new PairKey(reference.RecordId, listing.ListingId), Name(reference.Person), Name(listing.Person),
            listing.Source, listing.PlacementRegion, pair.Match.Rank, pair.Match.MatchProbability, pair.Status, NeedsRereview: false);
    }

    private static string Name(PersonDetails person) => $"{person.Surname} {person.GivenName}".Trim();
}
