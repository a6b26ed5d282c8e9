namespace Linkage.Comparison.Similarity;

/// <summary>Scores one query against candidates laid end to end in one arena of UTF-16 code units.</summary>
internal static class CachedScorerBatch
{
    /// <summary>
    /// Writes the similarity of <paramref name="scorer"/>'s query to candidate i, which is
    /// <c>arena[offsets[i]..offsets[i + 1]]</c>, into <paramref name="scores"/>[i] (0 below the cutoff).
    /// <paramref name="offsets"/> holds one more entry than <paramref name="scores"/>.
    /// </summary>
    public static void ScoreAll<TScorer>(TScorer scorer, ReadOnlySpan<char> arena, ReadOnlySpan<int> offsets, Span<double> scores, double scoreCutoff = 0.0)
        where TScorer : ICachedScorer
    {
        if (offsets.Length != scores.Length + 1)
        {
            throw new ArgumentException("offsets must hold one more entry than scores.", nameof(offsets));
        }
        var start = offsets[0];
        for (var i = 0; i < scores.Length; i++)
        {
            var end = offsets[i + 1];
            scores[i] = scorer.Similarity(arena[start..end], scoreCutoff);
            start = end;
        }
    }
}
