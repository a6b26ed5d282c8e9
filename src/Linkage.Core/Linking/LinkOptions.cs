namespace Linkage.Linking;

/// <summary>How a link run ranks and keeps candidates.</summary>
public sealed record LinkOptions
{
    /// <summary>How many of a reference's best candidates are kept, ranked 1 to this.</summary>
    public int MaxCandidatesPerReference { get; init; } = 10;

    /// <summary>
    /// Compare every reference with every listing instead of the blocked candidates, keeping only pairs at or above
    /// the review threshold; for measuring what blocking loses on sets up to about 10⁹ pairs.
    /// </summary>
    public bool Exhaustive { get; init; }

    /// <summary>
    /// Give each listing to one child only: its most probable claimant (and that child's duplicate reports) keeps
    /// it, other claims become non-match (<see cref="OneToOneAssignment"/>).
    /// </summary>
    public bool OneToOne { get; init; }

    /// <summary>Worker threads; null uses every core.</summary>
    public int? DegreeOfParallelism { get; init; }

    /// <summary>Link only this shard's references (against every listing); null links them all.</summary>
    public LinkShard? Shard { get; init; }

    /// <summary>
    /// Whether kept candidates get sibling evidence; without it they are as compared, for merging into stored lists
    /// (<see cref="CandidateMerge"/>), which applies the evidence to the merged lists.
    /// </summary>
    internal bool SiblingEvidence { get; init; } = true;

    /// <summary>
    /// For probing stored lists: the least comparison weight a candidate of the reference (by id) must reach to be
    /// kept; a pair below it is compared only as far as needed to know that, and not explained. Blocked runs only.
    /// </summary>
    internal Func<string, double>? EntryWeight { get; init; }

    /// <summary>
    /// For probing stored lists: when set, only the pairs these listings (by id) make new are compared, those with
    /// one of them and those a <c>sibling_cross</c> rule proposes through one (<see cref="Blocking.CandidateFinder"/>).
    /// </summary>
    internal IReadOnlySet<string>? NewListings { get; init; }
}

/// <summary>Progress of a link run: the stage and how much of it is done.</summary>
public readonly record struct LinkProgress(string Stage, long Done, long Total);
