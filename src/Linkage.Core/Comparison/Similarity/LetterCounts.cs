using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Linkage.Comparison.Similarity;

/// <summary>
/// A cheap filter in front of the string kernels: each value's letters counted into 32 buckets (a code unit's low
/// five bits) once per record, so two values' count difference bounds what a kernel could find. An edit changes at
/// most two counts by one (a swap of neighbours none), so the optimal string alignment distance is at least half the
/// difference; and no more letters can match than the buckets share, which bounds Jaro from above. Bucketing only
/// merges letters, so both bounds stay valid.
/// </summary>
internal sealed class LetterCounts
{
    public const int Buckets = 32;

    /// <summary>Longer values are not counted (a count must fit a byte); the kernel decides them.</summary>
    public const int MaxLength = byte.MaxValue;

    private readonly byte[] _counts;
    /// <summary>Each value's length, read here so a filtered pair never touches the strings.</summary>
    private readonly int[] _lengths;

    public LetterCounts(IReadOnlyList<string> values)
    {
        _counts = new byte[values.Count * Buckets];
        _lengths = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            _lengths[i] = values[i].Length;
            if (values[i].Length <= MaxLength)
            {
                var counts = _counts.AsSpan(i * Buckets, Buckets);
                foreach (var letter in values[i])
                {
                    counts[letter & (Buckets - 1)]++;
                }
            }
        }
    }

    public int LengthOf(int value) => _lengths[value];

    /// <summary>The summed difference of two values' bucket counts; both must be at most <see cref="MaxLength"/> long.</summary>
    public static int Difference(LetterCounts a, int i, LetterCounts b, int j)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            // Whole 32-byte rows of arrays sized in rows: the loads stay inside them.
            var u = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a._counts), (nuint)i * Buckets);
            var v = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(b._counts), (nuint)j * Buckets);
            var difference = Vector256.Max(u, v) - Vector256.Min(u, v);
            var (low, high) = Vector256.Widen(difference);
            return Vector256.Sum(low + high);
        }
        var x = a._counts.AsSpan(i * Buckets, Buckets);
        var y = b._counts.AsSpan(j * Buckets, Buckets);
        var sum = 0;
        for (var k = 0; k < Buckets; k++)
        {
            sum += Math.Abs(x[k] - y[k]);
        }
        return sum;
    }

    /// <summary>The least optimal string alignment distance two values this far apart in counts can have.</summary>
    public static int MinimumDistance(int difference) => (difference + 1) / 2;

    /// <summary>
    /// The Jaro similarity a pair needs to reach Jaro–Winkler <paramref name="cutoff"/>: the prefix boost (0.1 per
    /// letter up to 4, only above Jaro 0.7) lifts Jaro j to at most 0.6 j + 0.4. Computed once per comparison.
    /// </summary>
    public static double JaroNeeded(double cutoff) =>
        cutoff <= CachedJaroWinkler.BoostThreshold
            ? cutoff
            : Math.Max(CachedJaroWinkler.BoostThreshold,
                (cutoff - CachedJaroWinkler.MaxPrefix * CachedJaroWinkler.PrefixScale) / (1 - CachedJaroWinkler.MaxPrefix * CachedJaroWinkler.PrefixScale));

    /// <summary>
    /// Whether two values of these lengths and count difference cannot reach Jaro <paramref name="jaroNeeded"/>: at
    /// most m = (la + lb − difference) / 2 letters match, so Jaro is at most (m / la + m / lb + 1) / 3.
    /// </summary>
    public static bool BelowJaro(int lengthA, int lengthB, int difference, double jaroNeeded)
    {
        var matches = (lengthA + lengthB - difference) / 2.0;
        // (m / la + m / lb + 1) / 3 < needed, multiplied out by 3 la lb; rounding slack so the filter never overrules the kernel.
        double product = (double)lengthA * lengthB;
        return matches <= 0
            ? jaroNeeded > 1e-9
            : matches * (lengthA + lengthB) + product < (3 * jaroNeeded - 1e-9) * product;
    }

    /// <summary>Whether two values of these lengths and count difference cannot reach Jaro–Winkler <paramref name="cutoff"/>.</summary>
    public static bool BelowJaroWinkler(int lengthA, int lengthB, int difference, double cutoff) =>
        BelowJaro(lengthA, lengthB, difference, JaroNeeded(cutoff));
}
