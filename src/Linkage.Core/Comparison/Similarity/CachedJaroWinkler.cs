using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Linkage.Comparison.Similarity;

/// <summary>
/// Jaro–Winkler similarity of one query against many candidates (prefix scale 0.1, at most 4 prefix characters,
/// boost only above Jaro 0.7). For queries up to 64 characters the matching runs bit-parallel over the query's
/// character masks; longer queries use per-character position lists. Each candidate character, in order, matches the first
/// unmatched equal query character within the window, as in <see cref="NaiveSimilarity.Jaro"/>.
/// The score does not depend on which side is cached.
/// </summary>
internal sealed class CachedJaroWinkler : ICachedScorer
{
    public const double PrefixScale = 0.1;
    public const int MaxPrefix = 4;
    public const double BoostThreshold = 0.7;

    // The bound on matches is computed in floating point; this margin keeps rounding from pruning a pair that
    // the exact final comparison would keep.
    private const double RequiredMatchesMargin = 1e-6;
    private const int StackScanLimit = 256;

    /// <summary>1 / (1 - prefix × 0.1) for prefix 0 to 4.</summary>
    private static readonly double[] InverseOfUnboosted = [.. Enumerable.Range(0, MaxPrefix + 1).Select(p => 1.0 / (1.0 - p * PrefixScale))];

    /// <summary>1 / n for the summed lengths of ordinary names.</summary>
    private static readonly double[] Reciprocals = [.. Enumerable.Range(0, 2 * CharMaskTable.MaxQueryLength + 1).Select(n => 1.0 / n)];

    private readonly string _query;
    private readonly CharMaskTable? _masks;
    private readonly CharPositionIndex? _positions;

    public CachedJaroWinkler(ReadOnlySpan<char> query)
    {
        _query = query.ToString();
        if (query.Length <= CharMaskTable.MaxQueryLength)
        {
            _masks = new CharMaskTable(query);
        }
        else
        {
            _positions = new CharPositionIndex(query);
        }
    }

    public double Similarity(ReadOnlySpan<char> candidate, double scoreCutoff = 0.0)
    {
        var query = _query.AsSpan();
        if (query.Length == 0 || candidate.Length == 0)
        {
            var same = query.Length == candidate.Length ? 1.0 : 0.0;
            return same >= scoreCutoff ? same : 0.0;
        }

        var shorter = Math.Min(query.Length, candidate.Length);
        var prefixLimit = Math.Min(MaxPrefix, shorter);
        var prefix = 0;
        while (prefix < prefixLimit && query[prefix] == candidate[prefix])
        {
            prefix++;
        }
        var requiredMatches = 0;
        if (scoreCutoff > 0.0)
        {
            requiredMatches = RequiredMatches(scoreCutoff, prefix, query.Length, candidate.Length);
            // Not even every character of the shorter string matching, in order, would do: the length bound.
            if (requiredMatches > shorter)
            {
                return 0.0;
            }
        }

        var matches = _masks is not null
            ? MatchBitParallel(_masks, query, candidate, requiredMatches, out var transpositions)
            : MatchByPositions(_positions!, query, candidate, out transpositions);
        if (matches == 0)
        {
            return 0.0;
        }
        var similarity = Winkler(Jaro(matches, transpositions, query.Length, candidate.Length), prefix);
        return similarity >= scoreCutoff ? similarity : 0.0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Jaro(int matches, int transpositions, int queryLength, int candidateLength) =>
        (matches / (double)queryLength + matches / (double)candidateLength + (matches - transpositions) / (double)matches) / 3.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Winkler(double jaro, int prefix) =>
        jaro <= BoostThreshold ? jaro : jaro + prefix * PrefixScale * (1.0 - jaro);

    /// <summary>
    /// The fewest matches m that could still reach <paramref name="scoreCutoff"/>: invert the Winkler boost, then
    /// solve Jaro ≤ (m/|q| + m/|c| + 1) / 3 (no transpositions) for m. Rounded down by a margin for float error,
    /// as it only prunes; the final comparison stays exact. Divisions are table look-ups: on short names this
    /// bound otherwise costs as much as the matching it saves.
    /// </summary>
    private static int RequiredMatches(double scoreCutoff, int prefix, int queryLength, int candidateLength)
    {
        var jaroCutoff = scoreCutoff;
        if (scoreCutoff > BoostThreshold)
        {
            jaroCutoff = (scoreCutoff - prefix * PrefixScale) * InverseOfUnboosted[prefix];
            jaroCutoff = jaroCutoff < BoostThreshold ? BoostThreshold : jaroCutoff;
        }
        var totalLength = queryLength + candidateLength;
        var inverseTotal = totalLength < Reciprocals.Length ? Reciprocals[totalLength] : 1.0 / totalLength;
        var matches = (3.0 * jaroCutoff - 1.0) * queryLength * candidateLength * inverseTotal - RequiredMatchesMargin;
        var whole = (int)matches;
        return matches > whole ? whole + 1 : whole;
    }

    private static int MatchWindow(int queryLength, int candidateLength) => Math.Max(0, Math.Max(queryLength, candidateLength) / 2 - 1);

    /// <summary>
    /// The window over the query slides one bit per candidate character, so matching costs a few word
    /// operations per character: available = mask(c) &amp; window &amp; ~matched, and the lowest available bit
    /// is the first unmatched equal character. Gives up, returning no matches, once too few candidate characters
    /// remain to reach <paramref name="requiredMatches"/>.
    /// </summary>
    [SkipLocalsInit]
    private static int MatchBitParallel(CharMaskTable masks, ReadOnlySpan<char> query, ReadOnlySpan<char> candidate, int requiredMatches, out int transpositions)
    {
        var window = MatchWindow(query.Length, candidate.Length);
        // Past query.Length + window no query character is within reach.
        var end = Math.Min(candidate.Length, query.Length + window);
        var windowBits = window >= 63 ? ulong.MaxValue : (1UL << (window + 1)) - 1;
        var matchedQuery = 0UL;
        Span<char> matchedCandidate = stackalloc char[CharMaskTable.MaxQueryLength + 1];
        var matches = 0;
        // How many more candidate characters may fail to match before the cutoff is out of reach.
        var affordableMisses = end - requiredMatches;
        transpositions = 0;
        for (var j = 0; j < end; j++)
        {
            var c = candidate[j];
            var available = masks.Get(c) & windowBits & ~matchedQuery;
            // Branch-free, as whether a character matches is unpredictable: the slot past the last match is
            // written either way, and only a match moves past it.
            var lowest = available & (0 - available);
            matchedQuery |= lowest;
            matchedCandidate[matches] = c;
            var matched = lowest != 0 ? 1 : 0;
            matches += matched;
            affordableMisses -= 1 - matched;
            if (affordableMisses < 0)
            {
                return 0;
            }
            // Until the window's left edge leaves position 0 it only grows on the right.
            windowBits = j < window ? (windowBits << 1) | 1 : windowBits << 1;
        }

        var outOfOrder = 0;
        for (var k = 0; k < matches; k++)
        {
            var position = BitOperations.TrailingZeroCount(matchedQuery);
            matchedQuery &= matchedQuery - 1;
            outOfOrder += query[position] != matchedCandidate[k] ? 1 : 0;
        }
        transpositions = outOfOrder / 2;
        return matches;
    }

    /// <summary>
    /// The same greedy matching for queries longer than one word, in time linear in both lengths. The picks for
    /// one character rise monotonically (an earlier unmatched position inside the window would have been taken
    /// first), so one cursor per character suffices: skip positions that fell out of the window, take the next.
    /// </summary>
    [SkipLocalsInit]
    private static int MatchByPositions(CharPositionIndex index, ReadOnlySpan<char> query, ReadOnlySpan<char> candidate, out int transpositions)
    {
        var window = MatchWindow(query.Length, candidate.Length);
        var matchCapacity = Math.Min(query.Length, candidate.Length);
        int[]? pooledCursors = null;
        bool[]? pooledFlags = null;
        char[]? pooledChars = null;
        var cursors = index.SlotCount <= StackScanLimit ? stackalloc int[index.SlotCount] : (pooledCursors = ArrayPool<int>.Shared.Rent(index.SlotCount));
        var matchedQuery = query.Length <= StackScanLimit ? stackalloc bool[query.Length] : (pooledFlags = ArrayPool<bool>.Shared.Rent(query.Length));
        var matchedCandidate = matchCapacity <= StackScanLimit ? stackalloc char[matchCapacity] : (pooledChars = ArrayPool<char>.Shared.Rent(matchCapacity));
        try
        {
            for (var slot = 0; slot < index.SlotCount; slot++)
            {
                cursors[slot] = index.SlotStart(slot);
            }
            matchedQuery[..query.Length].Clear();
            var positions = index.Positions;
            var end = Math.Min(candidate.Length, query.Length + window);
            var matches = 0;
            for (var j = 0; j < end; j++)
            {
                var c = candidate[j];
                var slot = index.SlotOf(c);
                if (slot < 0)
                {
                    continue;
                }
                var cursor = cursors[slot];
                var slotEnd = index.SlotEnd(slot);
                while (cursor < slotEnd && positions[cursor] < j - window)
                {
                    cursor++;
                }
                if (cursor < slotEnd && positions[cursor] <= j + window)
                {
                    matchedQuery[positions[cursor]] = true;
                    matchedCandidate[matches++] = c;
                    cursor++;
                }
                cursors[slot] = cursor;
            }

            var outOfOrder = 0;
            var position = 0;
            for (var k = 0; k < matches; k++)
            {
                while (!matchedQuery[position])
                {
                    position++;
                }
                if (query[position] != matchedCandidate[k])
                {
                    outOfOrder++;
                }
                position++;
            }
            transpositions = outOfOrder / 2;
            return matches;
        }
        finally
        {
            if (pooledCursors is not null)
            {
                ArrayPool<int>.Shared.Return(pooledCursors);
            }
            if (pooledFlags is not null)
            {
                ArrayPool<bool>.Shared.Return(pooledFlags);
            }
            if (pooledChars is not null)
            {
                ArrayPool<char>.Shared.Return(pooledChars);
            }
        }
    }
}
