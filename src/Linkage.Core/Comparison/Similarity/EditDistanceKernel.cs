using System.Buffers;
using System.Runtime.CompilerServices;

namespace Linkage.Comparison.Similarity;

/// <summary>
/// Edit distance of a cached query against one candidate, with a maximum distance: cheap bounds first
/// (length difference, common prefix and suffix), then Hyyrö's bit-parallel algorithm when the query fits
/// one 64-bit word, else a banded dynamic programme.
/// </summary>
internal static class EditDistanceKernel
{
    private const int StackRowLimit = 256;

    /// <summary>
    /// The distance between <paramref name="query"/> and <paramref name="candidate"/> under
    /// <typeparamref name="TRule"/>, or <paramref name="maxDistance"/> + 1 when it exceeds
    /// <paramref name="maxDistance"/>. <paramref name="masks"/> describes <paramref name="query"/>, or is null
    /// when the query is longer than <see cref="CharMaskTable.MaxQueryLength"/>. A negative maximum counts as 0.
    /// </summary>
    public static int Distance<TRule>(CharMaskTable? masks, ReadOnlySpan<char> query, ReadOnlySpan<char> candidate, int maxDistance)
        where TRule : struct, IEditRule
    {
        // No distance exceeds the longer length; capping here keeps maxDistance + 1 from overflowing.
        maxDistance = Math.Clamp(maxDistance, 0, Math.Max(query.Length, candidate.Length));
        if (Math.Abs(query.Length - candidate.Length) > maxDistance)
        {
            return maxDistance + 1;
        }

        // Equal ends never cost an edit, and stripping them shortens the loop over the candidate.
        var prefix = query.CommonPrefixLength(candidate);
        var restOfQuery = query[prefix..];
        var restOfCandidate = candidate[prefix..];
        var suffix = restOfQuery.Length == 0 || restOfCandidate.Length == 0 ? 0 : CommonSuffixLength(restOfQuery, restOfCandidate);
        restOfQuery = restOfQuery[..^suffix];
        restOfCandidate = restOfCandidate[..^suffix];
        if (restOfQuery.Length == 0 || restOfCandidate.Length == 0)
        {
            return Math.Max(restOfQuery.Length, restOfCandidate.Length);
        }

        var distance = masks is not null
            ? Hyyro<TRule>(masks, prefix, restOfQuery.Length, restOfCandidate, maxDistance)
            : Banded<TRule>(restOfQuery, restOfCandidate, maxDistance);
        return Math.Min(distance, maxDistance + 1);
    }

    /// <summary>1 - distance / longer length, or 0 when that falls below <paramref name="scoreCutoff"/>.</summary>
    public static double NormalizedSimilarity<TRule>(CharMaskTable? masks, ReadOnlySpan<char> query, ReadOnlySpan<char> candidate, double scoreCutoff)
        where TRule : struct, IEditRule
    {
        var longer = Math.Max(query.Length, candidate.Length);
        if (longer == 0)
        {
            return 1.0;
        }
        // Rounded up so that float error can only loosen the bound; the exact test is the final comparison.
        var maxDistance = (int)Math.Ceiling((1.0 - Math.Clamp(scoreCutoff, 0.0, 1.0)) * longer);
        var distance = Distance<TRule>(masks, query, candidate, maxDistance);
        if (distance > maxDistance)
        {
            return 0.0;
        }
        var similarity = 1.0 - (double)distance / longer;
        return similarity >= scoreCutoff ? similarity : 0.0;
    }

    /// <summary>
    /// Hyyrö (2001, 2003): the column of the DP table kept as vertical +1/-1 delta bit vectors VP/VN, advanced
    /// one candidate character at a time; the score is the bottom cell. The query's first
    /// <paramref name="queryStart"/> characters were stripped, so its masks are shifted down by as many bits;
    /// bits above the query's length never carry down, so they need no clearing.
    /// </summary>
    private static int Hyyro<TRule>(CharMaskTable masks, int queryStart, int queryLength, ReadOnlySpan<char> candidate, int maxDistance)
        where TRule : struct, IEditRule
    {
        var lastBitShift = queryLength - 1;
        var verticalPositive = ulong.MaxValue;
        var verticalNegative = 0UL;
        var previousDiagonalZero = 0UL;
        var previousMatch = 0UL;
        var distance = queryLength;
        // The bottom cell falls by at most one per remaining candidate character, so once it exceeds
        // maxDistance + remaining nothing can bring it back.
        var hopeless = maxDistance + candidate.Length;
        foreach (var c in candidate)
        {
            var match = masks.Get(c) >> queryStart;
            var diagonalZero = (((match & verticalPositive) + verticalPositive) ^ verticalPositive) | match | verticalNegative;
            if (TRule.AllowsTransposition)
            {
                // A cell also costs nothing extra when the two characters before it match crosswise.
                diagonalZero |= ((~previousDiagonalZero & match) << 1) & previousMatch;
                previousDiagonalZero = diagonalZero;
                previousMatch = match;
            }
            var horizontalPositive = verticalNegative | ~(diagonalZero | verticalPositive);
            var horizontalNegative = diagonalZero & verticalPositive;
            // Branch-free: on unrelated names the bottom cell's moves are a coin toss for the branch predictor.
            distance += (int)((horizontalPositive >> lastBitShift) & 1) - (int)((horizontalNegative >> lastBitShift) & 1);
            hopeless--;
            if (distance > hopeless)
            {
                return maxDistance + 1;
            }
            horizontalPositive = (horizontalPositive << 1) | 1;
            horizontalNegative <<= 1;
            verticalPositive = horizontalNegative | ~(diagonalZero | horizontalPositive);
            verticalNegative = diagonalZero & horizontalPositive;
        }
        return distance;
    }

    /// <summary>
    /// Row-by-row DP over the query restricted to the diagonal band |i - j| ≤ maxDistance (Ukkonen), for
    /// queries too long for one word; cells outside the band only ever hold "more than maxDistance".
    /// </summary>
    [SkipLocalsInit]
    private static int Banded<TRule>(ReadOnlySpan<char> query, ReadOnlySpan<char> candidate, int maxDistance)
        where TRule : struct, IEditRule
    {
        var m = query.Length;
        var band = maxDistance;
        var beyond = band + 1;
        var rowLength = m + 1;
        var rented = TRule.AllowsTransposition ? 3 * rowLength : 2 * rowLength;
        int[]? pooled = null;
        var buffer = rented <= StackRowLimit ? stackalloc int[rented] : (pooled = ArrayPool<int>.Shared.Rent(rented));
        try
        {
            var previous = buffer[..rowLength];
            var current = buffer.Slice(rowLength, rowLength);
            var beforePrevious = TRule.AllowsTransposition ? buffer.Slice(2 * rowLength, rowLength) : default;
            for (var i = 0; i <= m; i++)
            {
                previous[i] = Math.Min(i, beyond);
            }

            for (var j = 1; j <= candidate.Length; j++)
            {
                var from = Math.Max(1, j - band);
                var to = Math.Min(m, j + band);
                current[from - 1] = from == 1 ? Math.Min(j, beyond) : beyond;
                var rowMinimum = current[from - 1];
                var c = candidate[j - 1];
                for (var i = from; i <= to; i++)
                {
                    var cost = query[i - 1] == c ? 0 : 1;
                    var best = Math.Min(Math.Min(previous[i] + 1, current[i - 1] + 1), previous[i - 1] + cost);
                    if (TRule.AllowsTransposition && i > 1 && j > 1 && query[i - 1] == candidate[j - 2] && query[i - 2] == c)
                    {
                        best = Math.Min(best, beforePrevious[i - 2] + 1);
                    }
                    best = Math.Min(best, beyond);
                    current[i] = best;
                    rowMinimum = Math.Min(rowMinimum, best);
                }
                if (to < m)
                {
                    current[to + 1] = beyond;
                }
                if (rowMinimum > maxDistance)
                {
                    return beyond;
                }
                var recycled = TRule.AllowsTransposition ? beforePrevious : previous;
                beforePrevious = previous;
                previous = current;
                current = recycled;
            }
            return previous[m];
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<int>.Shared.Return(pooled);
            }
        }
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var length = 0;
        var limit = Math.Min(a.Length, b.Length);
        while (length < limit && a[a.Length - 1 - length] == b[b.Length - 1 - length])
        {
            length++;
        }
        return length;
    }
}
