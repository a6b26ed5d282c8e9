namespace Linkage.Comparison.Similarity;

/// <summary>
/// A similarity in [0, 1] between one query, prepared once, and many candidates. Scores below the cutoff come
/// back as 0: the comparison levels need to know which threshold a pair clears, not its exact score, and the
/// cutoff lets a scorer stop early. Scorers are immutable and may be shared between threads.
/// </summary>
internal interface ICachedScorer
{
    /// <summary>The similarity of the query and <paramref name="candidate"/>, or 0 when below <paramref name="scoreCutoff"/>.</summary>
    double Similarity(ReadOnlySpan<char> candidate, double scoreCutoff = 0.0);
}
