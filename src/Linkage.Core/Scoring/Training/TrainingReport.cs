namespace Linkage.Scoring.Training;

/// <summary>One EM session: the pairs one blocking rule proposed, with that rule's own comparisons held fixed.</summary>
public sealed record EmSessionReport(
    string BlockingRule,
    long Pairs,
    long DistinctPatterns,
    IReadOnlyList<string> FixedComparisons,
    int Iterations,
    bool Converged,
    double Lambda,
    double ExpectedMatches,
    bool Used);

/// <summary>
/// How the sibling weight was estimated: among the labelled candidates kept when linking the training files,
/// how many matches and non-matches had a sibling co-listed.
/// </summary>
public sealed record SiblingEstimate(int SupportedMatches, int Matches, int SupportedNonMatches, int NonMatches, double Weight);

/// <summary>Everything a training run estimated, the candidates it compared and the model it chose.</summary>
public sealed record TrainingReport
{
    /// <summary>The model to use: the best of the candidates on held-back labels, or the EM model without labels.</summary>
    public required MatchModel Model { get; init; }

    /// <summary>u from random pairs, m from EM over blocked pairs, prior from the sessions' expected matches.</summary>
    public required MatchModel UnsupervisedModel { get; init; }

    /// <summary>Every candidate model by name (em, labelled, logistic), before the chosen one was refitted on all labels.</summary>
    public required IReadOnlyDictionary<string, MatchModel> Candidates { get; init; }

    public required long RandomPairs { get; init; }

    public required long CandidatePairs { get; init; }

    public required IReadOnlyList<EmSessionReport> Sessions { get; init; }

    /// <summary>Each candidate's figures on held-back labels; empty without labels.</summary>
    public required IReadOnlyList<HeldOutScore> HeldOut { get; init; }

    /// <summary>The candidate <see cref="Model"/> came from.</summary>
    public required string Chosen { get; init; }

    /// <summary>Labelled matches no blocking rule proposed: blocking's misses, which no model can score.</summary>
    public int LabelledMatchesNotBlocked { get; init; }

    /// <summary>The sibling weight's estimate; null without labels or with too few co-listed siblings.</summary>
    public SiblingEstimate? Siblings { get; init; }

    /// <summary>The thresholds chosen from the target precision and recall; null when none were asked for or no labels were held back.</summary>
    public ThresholdChoice? Thresholds { get; init; }

    public double LabelledPairs { get; init; }

    public double LabelledMatches { get; init; }

    /// <summary>Problems a person should know about: EM that did not converge, sessions too small to trust.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
