namespace Linkage.Places;

/// <summary>
/// Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions) that
/// gives up as soon as it must exceed <c>maxDistance</c>. Used once per unresolved record, not per pair.
/// </summary>
internal static class BoundedEditDistance
{
    /// <returns>The distance, or maxDistance + 1 when it is larger.</returns>
    public static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int maxDistance)
    {
        if (Math.Abs(a.Length - b.Length) > maxDistance)
        {
            return maxDistance + 1;
        }
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            if (rowMinimum > maxDistance)
            {
                return maxDistance + 1;
            }
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.Min(previous[b.Length], maxDistance + 1);
    }
}
