using System.Numerics;
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
        var x = a._counts.AsSpan(i * Buckets, Buckets);
        var y = b._counts.AsSpan(j * Buckets, Buckets);
        if (Vector256.IsHardwareAccelerated)
        {
            var u = Vector256.Create<byte>(x);
            var v = Vector256.Create<byte>(y);
            var difference = Vector256.Max(u, v) - Vector256.Min(u, v);
            var (low, high) = Vector256.Widen(difference);
            return Vector256.Sum(low + high);
        }
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
    /// Whether two values of these lengths and count difference cannot reach Jaro–Winkler <paramref name="cutoff"/>:
    /// at most (la + lb − difference) / 2 letters match, and the prefix boost (0.1 per letter up to 4, only above
    /// Jaro 0.7) lifts Jaro j to at most 0.6 j + 0.4.
    /// </summary>
    public static bool BelowJaroWinkler(int lengthA, int lengthB, int difference, double cutoff)
    {
        var matches = (lengthA + lengthB - difference) / 2.0;
        var jaro = matches <= 0 ? 0 : (matches / lengthA + matches / lengthB + 1) / 3;
        var jaroNeeded = cutoff <= CachedJaroWinkler.BoostThreshold
            ? cutoff
            : Math.Max(CachedJaroWinkler.BoostThreshold, (cutoff - CachedJaroWinkler.MaxPrefix * CachedJaroWinkler.PrefixScale) / (1 - CachedJaroWinkler.MaxPrefix * CachedJaroWinkler.PrefixScale));
        // Rounding slack: the filter must never overrule the kernel.
        return jaro < jaroNeeded - 1e-9;
    }
}
