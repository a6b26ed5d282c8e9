namespace Linkage.Comparison.Similarity;

/// <summary>
/// Textbook, deliberately slow implementations of every kernel: the reference the fast cached scorers
/// are tested against. Full dynamic-programming tables, no bounds, no cutoffs, no bit tricks.
/// </summary>
internal static class NaiveSimilarity
{
    /// <summary>Levenshtein distance by the Wagner–Fischer table.</summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => EditDistance(a, b, allowTransposition: false);

    /// <summary>Optimal string alignment distance: Levenshtein plus transposition of two adjacent characters,
    /// no substring edited twice.</summary>
    public static int Osa(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => EditDistance(a, b, allowTransposition: true);

    /// <summary>1 - distance / longer length; 1 for two empty strings.</summary>
    public static double NormalizedSimilarity(int distance, int lengthA, int lengthB)
    {
        var longer = Math.Max(lengthA, lengthB);
        return longer == 0 ? 1.0 : 1.0 - (double)distance / longer;
    }

    /// <summary>
    /// Jaro similarity. Each character of <paramref name="b"/>, in order, matches the first unmatched equal
    /// character of <paramref name="a"/> within max(|a|,|b|)/2 - 1 positions (at least 0); transpositions are
    /// half the matched characters that differ when both matched sequences are read in order (rounded down,
    /// as in Winkler's strcmp95). Two empty strings are identical (1); one empty string matches nothing (0).
    /// </summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1.0;
        }
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var matchedInA = new bool[a.Length];
        var matchedInB = new bool[b.Length];
        var matches = 0;
        for (var j = 0; j < b.Length; j++)
        {
            var from = Math.Max(0, j - window);
            var to = Math.Min(a.Length - 1, j + window);
            for (var i = from; i <= to; i++)
            {
                if (!matchedInA[i] && a[i] == b[j])
                {
                    matchedInA[i] = true;
                    matchedInB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0.0;
        }

        var outOfOrder = 0;
        var k = 0;
        for (var j = 0; j < b.Length; j++)
        {
            if (!matchedInB[j])
            {
                continue;
            }
            while (!matchedInA[k])
            {
                k++;
            }
            if (a[k] != b[j])
            {
                outOfOrder++;
            }
            k++;
        }
        var transpositions = outOfOrder / 2;
        return (matches / (double)a.Length + matches / (double)b.Length + (matches - transpositions) / (double)matches) / 3.0;
    }

    /// <summary>Jaro–Winkler: Jaro plus 0.1 × (common prefix, at most 4) × (1 - Jaro) when Jaro exceeds 0.7.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro <= 0.7)
        {
            return jaro;
        }
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    private static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool allowTransposition)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + substitution);
                if (allowTransposition && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }
                d[i, j] = best;
            }
        }
        return d[a.Length, b.Length];
    }
}
