using Linkage.Blocking;
using Linkage.Comparison;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// Both sides prepared once and the model compiled against their comparisons. Listings are held in locality
/// order (birth year, month, given name), so a reference's blocked candidates lie near each other in every
/// per-listing array and the pair loop mostly reads from cache; listing indices everywhere in a session are
/// positions in <see cref="ListingRecords"/>.
/// </summary>
internal sealed class LinkSession
{
    private LinkSession(PreparedPeople references, PreparedPeople listings, IReadOnlyList<ListingRecord> listingRecords, CompiledModel model)
    {
        References = references;
        Listings = listings;
        ListingRecords = listingRecords;
        ListingIds = [.. listingRecords.Select(l => l.ListingId)];
        Model = model;
    }

    public PreparedPeople References { get; }

    public PreparedPeople Listings { get; }

    public CompiledModel Model { get; }

    /// <summary>The listings in the session's order: index i here is listing i of <see cref="Listings"/>.</summary>
    public IReadOnlyList<ListingRecord> ListingRecords { get; }

    /// <summary>The id of each listing of <see cref="ListingRecords"/>.</summary>
    public string[] ListingIds { get; }

    public static LinkSession Prepare(
        IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, LinkEngine engine, ParallelOptions parallel)
    {
        var keys = new KeyInterner();
        var values = new MemoValues();
        var referencePeople = references.Select(r => r.Person).ToArray();
        var ordered = InLocalityOrder(listings);
        var listingPeople = ordered.Select(l => l.Person).ToArray();
        var preparedReferences = PreparedPeople.Prepare(referencePeople, engine, keys, values, parallel);
        var preparedListings = PreparedPeople.Prepare(listingPeople, engine, keys, values, parallel);
        var comparisons = new Dictionary<string, FieldComparison>(ComparisonCatalog.Create(preparedReferences, preparedListings, values));
        // Comparisons the model configures on a column take the place of a built-in one of the same name.
        foreach (var configured in engine.Model.Comparisons.Where(c => c.Column is not null))
        {
            comparisons[configured.Name] = ColumnComparison.Create(configured, referencePeople, listingPeople);
        }
        return new LinkSession(preparedReferences, preparedListings, ordered, CompiledModel.Compile(engine.Model, comparisons));
    }

    /// <summary>
    /// Listings by birth year, month and given name as written, then listing id: the same order whatever order the
    /// input came in.
    /// </summary>
    private static ListingRecord[] InLocalityOrder(IReadOnlyList<ListingRecord> listings)
    {
        var keys = new LocalityKey[listings.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var listing = listings[i];
            var born = listing.Person.BirthDate;
            keys[i] = new LocalityKey(born.Year * 13 + born.Month, listing.Person.GivenName, listing.ListingId, i);
        }
        Array.Sort(keys);
        return Array.ConvertAll(keys, key => listings[key.Index]);
    }

    /// <summary>What orders a listing in <see cref="InLocalityOrder"/>, read once rather than at each of the sort's comparisons.</summary>
    private readonly record struct LocalityKey(int BirthMonth, string GivenName, string ListingId, int Index) : IComparable<LocalityKey>
    {
        public int CompareTo(LocalityKey other)
        {
            var byMonth = BirthMonth.CompareTo(other.BirthMonth);
            if (byMonth != 0)
            {
                return byMonth;
            }
            var byName = string.CompareOrdinal(GivenName, other.GivenName);
            if (byName != 0)
            {
                return byName;
            }
            var byId = string.CompareOrdinal(ListingId, other.ListingId);
            return byId != 0 ? byId : Index.CompareTo(other.Index);
        }
    }

    /// <summary>
    /// The decision for one pair through each comparison's straightforward <see cref="FieldComparison.Level"/>:
    /// the reference path that the pair loop's cursors must agree with.
    /// </summary>
    public MatchDecision Decide(int reference, int listing)
    {
        var comparisons = Model.Comparisons;
        Span<byte> levels = stackalloc byte[comparisons.Count];
        for (var c = 0; c < comparisons.Count; c++)
        {
            levels[c] = (byte)comparisons[c].Level(reference, listing);
        }
        return Model.Decide(CompiledModel.Probability(Model.Weight(levels, reference, listing)));
    }

    public CandidateMatch Explain(
        int reference, int listing, double weight, int rank, uint ruleMask,
        ReferenceRecord referenceRecord, IReadOnlyList<BlockingRule> rules)
    {
        var comparisons = Model.Comparisons;
        var levels = new byte[comparisons.Count];
        var evidence = new FieldEvidence[comparisons.Count];
        for (var c = 0; c < comparisons.Count; c++)
        {
            var level = comparisons[c].Level(reference, listing);
            levels[c] = (byte)level;
            var adjustment = Model.Adjustment(c, level, reference, listing);
            var detail = comparisons[c].Describe(reference, listing, level);
            evidence[c] = new FieldEvidence(
                comparisons[c].Name,
                comparisons[c].LevelNames[level],
                Math.Round(Model.LevelWeight(c, level, reference, listing), 2),
                adjustment == 0 ? detail : $"{detail} ({(adjustment < 0 ? "common" : "rare")} value)",
                Math.Round(adjustment, 2));
        }
        var probability = CompiledModel.Probability(weight);
        return new CandidateMatch
        {
            ReferenceId = referenceRecord.RecordId,
            ListingId = ListingRecords[listing].ListingId,
            Rank = rank,
            MatchProbability = probability,
            MatchWeight = weight,
            Decision = Model.Decide(probability),
            Levels = levels,
            Evidence = evidence,
            BlockingRules = rules.Where((_, i) => (ruleMask & (1u << i)) != 0).Select(r => r.Name).ToArray(),
            ListingSiblingGroup = ListingRecords[listing].Person.SiblingGroup,
        };
    }
}
