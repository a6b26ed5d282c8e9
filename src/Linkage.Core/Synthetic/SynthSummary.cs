namespace Linkage.Synthetic;

/// <summary>What <see cref="CorpusGenerator.Write"/> produced: row counts and the tally of each alteration.</summary>
public sealed record SynthSummary
{
    /// <summary>Children on the reference side (each reported at least once).</summary>
    public int Children { get; init; }
    public int Families { get; init; }
    /// <summary>Rows of references.csv, duplicate reports included.</summary>
    public int References { get; init; }
    /// <summary>Reference-side children that appear in at least one listing.</summary>
    public int ListedChildren { get; init; }
    /// <summary>Listing rows of reference-side children.</summary>
    public int TrueListings { get; init; }
    public int DistractorChildren { get; init; }
    public int DistractorListings { get; init; }
    /// <summary>Rows of truth.csv.</summary>
    public int TruthPairs { get; init; }
    public int Listings => TrueListings + DistractorListings;
    public IReadOnlyDictionary<Alteration, AlterationCount> Alterations { get; init; } =
        new Dictionary<Alteration, AlterationCount>();
}
