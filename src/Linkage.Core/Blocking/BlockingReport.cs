namespace Linkage.Blocking;

/// <summary>What the blocking rules of a model propose on two sides, and with a truth file, what they keep.</summary>
public sealed record BlockingReport
{
    public required long References { get; init; }

    public required long Listings { get; init; }

    /// <summary>Each rule in the model's order.</summary>
    public required IReadOnlyList<BlockingRuleReport> Rules { get; init; }

    /// <summary>Distinct pairs all rules together propose.</summary>
    public required long CandidatePairs { get; init; }

    /// <summary>Every reference against every listing.</summary>
    public long AllPairs => References * Listings;

    /// <summary>1 − candidate pairs / all pairs: the share of comparisons blocking saves.</summary>
    public double ReductionRatio => AllPairs == 0 ? 0 : 1 - (double)CandidatePairs / AllPairs;

    /// <summary>Measured against the truth file, when one was given.</summary>
    public TruthCoverage? Truth { get; init; }

    /// <summary>Measured against exhaustive linking, when asked for.</summary>
    public ExhaustiveCoverage? Exhaustive { get; init; }
}

/// <summary>
/// What blocking keeps of the pairs an exhaustive link run (every pair compared, sibling evidence and
/// term-frequency adjustment included, each reference's best candidates) puts at or above the review threshold.
/// </summary>
public sealed record ExhaustiveCoverage
{
    /// <summary>Pairs the exhaustive run keeps: each at or above review, among its reference's best.</summary>
    public required long PairsAboveReview { get; init; }

    /// <summary>Of those, pairs some blocking rule proposes.</summary>
    public required long Proposed { get; init; }

    /// <summary>Of those, pairs the blocked run keeps at or above review too (its sibling evidence comes only from candidates).</summary>
    public required long KeptByBlockedRun { get; init; }

    /// <summary>Of <see cref="PairsAboveReview"/>, the true pairs, when a truth file was given.</summary>
    public long? TruePairsAboveReview { get; init; }

    public long? TrueProposed { get; init; }

    public long? TrueKeptByBlockedRun { get; init; }

    /// <summary>The target figure: the share of the true pairs exhaustive linking keeps that blocking proposes.</summary>
    public double? TrueCompleteness => TruePairsAboveReview is { } all ? (all == 0 ? 1 : (double)TrueProposed!.Value / all) : null;
}

/// <summary>One rule's share of the candidate pairs.</summary>
public sealed record BlockingRuleReport
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>Distinct pairs this rule proposes, whether or not an earlier rule proposed them too.</summary>
    public required long Pairs { get; init; }

    /// <summary>Distinct pairs this rule and the rules before it propose together.</summary>
    public required long CumulativePairs { get; init; }

    /// <summary>The blocks yielding the most pairs, largest first (sizes only: keys would be personal data).</summary>
    public required IReadOnlyList<BlockSize> LargestBlocks { get; init; }

    /// <summary>True pairs this rule proposes, when a truth file was given.</summary>
    public long? TruePairs { get; init; }

    /// <summary>True pairs this rule or an earlier one proposes, when a truth file was given.</summary>
    public long? CumulativeTruePairs { get; init; }
}

/// <summary>A block of one rule: records sharing one key on each side, and the pairs they make.</summary>
public readonly record struct BlockSize(long References, long Listings)
{
    public long Pairs => References * Listings;
}

/// <summary>
/// How many true pairs blocking proposes (pairs completeness), overall and among the true pairs the model scores
/// at or above the review threshold: the ones exhaustive comparison would put in front of a reviewer.
/// </summary>
public sealed record TruthCoverage
{
    /// <summary>Truth rows whose reference and listing are both in the inputs.</summary>
    public required long TruePairs { get; init; }

    public required long TruePairsProposed { get; init; }

    /// <summary>
    /// True pairs whose match probability on comparison evidence alone reaches the review threshold (no sibling
    /// evidence, no cut to a reference's best candidates): a quick estimate; <see cref="ExhaustiveCoverage"/> is exact.
    /// </summary>
    public required long TruePairsAboveReview { get; init; }

    public required long TruePairsAboveReviewProposed { get; init; }

    /// <summary>Truth rows naming a reference or listing absent from the inputs (rejected rows, say).</summary>
    public required long TruthRowsUnmatched { get; init; }

    public double PairsCompleteness => TruePairs == 0 ? 1 : (double)TruePairsProposed / TruePairs;

    public double CompletenessAboveReview => TruePairsAboveReview == 0 ? 1 : (double)TruePairsAboveReviewProposed / TruePairsAboveReview;
}
