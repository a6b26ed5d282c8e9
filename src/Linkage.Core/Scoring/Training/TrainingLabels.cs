namespace Linkage.Scoring.Training;

/// <summary>
/// What is known about which pairs are the same child: a truth CSV (its pairs are matches and every other
/// candidate pair is not) or reviewers' decisions (confirmed and rejected pairs, the rest unknown).
/// </summary>
public sealed record TrainingLabels
{
    public required IReadOnlyCollection<(string ReferenceId, string ListingId)> Matches { get; init; }

    public IReadOnlyCollection<(string ReferenceId, string ListingId)> NonMatches { get; init; } = [];

    /// <summary>True when every candidate pair not listed in <see cref="Matches"/> is a non-match (complete truth).</summary>
    public bool UnlistedAreNonMatches { get; init; }

    /// <summary>A truth file's pairs: complete, so all other candidates are non-matches.</summary>
    public static TrainingLabels FromTruth(IEnumerable<Evaluation.TruthPair> truth) => new()
    {
        Matches = truth.Select(t => (t.ReferenceId, t.ListingId)).ToHashSet(),
        UnlistedAreNonMatches = true,
    };

    /// <summary>Reads a truth CSV (data-schemas/truth.md).</summary>
    /// <exception cref="Evaluation.EvaluationInputException">The file is unreadable or breaks the contract.</exception>
    public static TrainingLabels FromTruthFile(string path) => FromTruth(Evaluation.EvaluationInput.ReadTruth(path));
}
