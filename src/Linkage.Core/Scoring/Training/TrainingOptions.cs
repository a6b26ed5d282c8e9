namespace Linkage.Scoring.Training;

/// <summary>How <see cref="ModelTrainer"/> estimates a model.</summary>
public sealed record TrainingOptions
{
    /// <summary>Random reference–listing pairs drawn to estimate u. Default 1,000,000.</summary>
    public int RandomPairs { get; init; } = 1_000_000;

    /// <summary>Seed of the random pairs and of the held-back split; the same seed gives the same model.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Largest EM iterations per blocking-rule session. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>EM stops when no m and not λ moves by more than this. Default 1e-5.</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>
    /// Pseudo-matches the starting model's m values count for in every M-step, so levels that few true matches
    /// reach keep a sensible m. Default 10; 0 is plain EM.
    /// </summary>
    public double PriorMatches { get; init; } = 10;

    /// <summary>A session expecting fewer matches than this is too fragile to trust; its m is not used. Default 20.</summary>
    public double MinExpectedMatches { get; init; } = 20;

    /// <summary>Share of references whose labelled pairs are held back to compare the candidate models. Default 0.25.</summary>
    public double HeldOutShare { get; init; } = 0.25;

    /// <summary>L2 penalty of the logistic regression. Default 1.</summary>
    public double L2 { get; init; } = 1;

    /// <summary>
    /// With labels: the match threshold becomes the lowest probability at which held-back pairs reach this
    /// precision; null keeps the starting model's thresholds.
    /// </summary>
    public double? TargetPrecision { get; init; }

    /// <summary>With <see cref="TargetPrecision"/>: the review threshold keeps this share of held-back matches. Default 0.99.</summary>
    public double TargetRecall { get; init; } = 0.99;

    /// <summary>Name of the trained model; null derives one.</summary>
    public string? ModelName { get; init; }

    /// <summary>Worker threads for preparing records; null uses every core.</summary>
    public int? DegreeOfParallelism { get; init; }
}
