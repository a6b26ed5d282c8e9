using Linkage.Blocking;
using Linkage.Comparison;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>Both sides prepared once and the model compiled against their comparisons.</summary>
internal sealed class LinkSession
{
    private LinkSession(PreparedPeople references, PreparedPeople listings, CompiledModel model)
    {
        References = references;
        Listings = listings;
        Model = model;
    }

    public PreparedPeople References { get; }

    public PreparedPeople Listings { get; }

    public CompiledModel Model { get; }

    public static LinkSession Prepare(
        IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, LinkEngine engine, ParallelOptions parallel)
    {
        var keys = new KeyInterner();
        var referencePeople = references.Select(r => r.Person).ToArray();
        var listingPeople = listings.Select(l => l.Person).ToArray();
        var preparedReferences = PreparedPeople.Prepare(referencePeople, engine, keys, parallel);
        var preparedListings = PreparedPeople.Prepare(listingPeople, engine, keys, parallel);
        var comparisons = new Dictionary<string, FieldComparison>(ComparisonCatalog.Create(preparedReferences, preparedListings));
        // Comparisons the model configures on a column take the place of a built-in one of the same name.
        foreach (var configured in engine.Model.Comparisons.Where(c => c.Column is not null))
        {
            comparisons[configured.Name] = ColumnComparison.Create(configured, referencePeople, listingPeople);
        }
        return new LinkSession(preparedReferences, preparedListings, CompiledModel.Compile(engine.Model, comparisons));
    }

    public CandidateMatch Explain(
        int reference, int listing, double weight, int rank, uint ruleMask,
        ReferenceRecord referenceRecord, ListingRecord listingRecord, IReadOnlyList<BlockingRule> rules)
    {
        var comparisons = Model.Comparisons;
        var levels = new byte[comparisons.Count];
        var evidence = new FieldEvidence[comparisons.Count];
        for (var c = 0; c < comparisons.Count; c++)
        {
            var level = comparisons[c].Level(reference, listing);
            levels[c] = (byte)level;
            evidence[c] = new FieldEvidence(
                comparisons[c].Name,
                comparisons[c].LevelNames[level],
                Math.Round(Model.LevelWeight(c, level), 2),
                comparisons[c].Describe(reference, listing, level));
        }
        var probability = CompiledModel.Probability(weight);
        return new CandidateMatch
        {
            ReferenceId = referenceRecord.RecordId,
            ListingId = listingRecord.ListingId,
            Rank = rank,
            MatchProbability = probability,
            MatchWeight = weight,
            Decision = Model.Decide(probability),
            Levels = levels,
            Evidence = evidence,
            BlockingRules = rules.Where((_, i) => (ruleMask & (1u << i)) != 0).Select(r => r.Name).ToArray(),
        };
    }
}
