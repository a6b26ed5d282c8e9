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
        var values = new KeyInterner();
        var preparedReferences = PreparedPeople.Prepare(references.Select(r => r.Person).ToArray(), engine, keys, values, parallel);
        var preparedListings = PreparedPeople.Prepare(listings.Select(l => l.Person).ToArray(), engine, keys, values, parallel);
        var comparisons = ComparisonCatalog.Create(preparedReferences, preparedListings, values.Count + 1);
        return new LinkSession(preparedReferences, preparedListings, CompiledModel.Compile(engine.Model, comparisons));
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
        return Model.Decide(CompiledModel.Probability(Model.Weight(levels)));
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
