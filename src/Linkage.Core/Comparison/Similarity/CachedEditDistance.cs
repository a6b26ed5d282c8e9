namespace Linkage.Comparison.Similarity;

/// <summary>
/// An edit distance from one query, whose character masks are built once, to many candidates.
/// Use <see cref="CachedLevenshtein"/> or <see cref="CachedOsa"/>.
/// </summary>
internal abstract class CachedEditDistance<TRule> : ICachedScorer
    where TRule : struct, IEditRule
{
    private readonly string _query;
    private readonly CharMaskTable? _masks;

    protected CachedEditDistance(ReadOnlySpan<char> query)
    {
        _query = query.ToString();
        _masks = query.Length <= CharMaskTable.MaxQueryLength ? new CharMaskTable(query) : null;
    }

    /// <summary>The distance to <paramref name="candidate"/>, or <paramref name="maxDistance"/> + 1 when it is larger.</summary>
    public int Distance(ReadOnlySpan<char> candidate, int maxDistance = int.MaxValue) =>
        EditDistanceKernel.Distance<TRule>(_masks, _query, candidate, maxDistance);

    /// <summary>1 - distance / longer length, or 0 when below <paramref name="scoreCutoff"/>.</summary>
    public double Similarity(ReadOnlySpan<char> candidate, double scoreCutoff = 0.0) =>
        EditDistanceKernel.NormalizedSimilarity<TRule>(_masks, _query, candidate, scoreCutoff);
}
