using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Linkage.Comparison.Similarity;

/// <summary>
/// For a query of at most 64 characters, the bit mask of the positions where each character occurs
/// (bit i set when query[i] == c): the "pattern match vector" of the bit-parallel kernels.
/// Latin/ASCII (U+0000–U+00FF) and Cyrillic (U+0400–U+04FF) share one dense 512-entry table, so the
/// names we compare never leave it; any other character goes through a small open-addressing map.
/// Immutable once built, so one table can serve many threads.
/// </summary>
internal sealed class CharMaskTable
{
    /// <summary>The longest query one 64-bit word can describe.</summary>
    public const int MaxQueryLength = 64;

    private const int DenseSize = 512;
    private const uint CyrillicStart = 0x0400;
    private const uint CyrillicOffset = CyrillicStart - 256;

    private readonly ulong[] _dense = new ulong[DenseSize];
    private readonly char[] _sparseKeys;
    private readonly ulong[] _sparseMasks;
    private readonly int _sparseSlotMask;

    public CharMaskTable(ReadOnlySpan<char> query)
    {
        if (query.Length > MaxQueryLength)
        {
            throw new ArgumentException($"A mask table covers at most {MaxQueryLength} characters.", nameof(query));
        }

        var sparseCount = 0;
        foreach (var c in query)
        {
            if (!TryDenseIndex(c, out _))
            {
                sparseCount++;
            }
        }
        // Twice the characters, rounded up to a power of two, keeps probe chains short; never fuller than half,
        // so a probe always ends at an empty slot. Key 0 marks an empty slot: U+0000 is dense, never stored here.
        var capacity = sparseCount == 0 ? 1 : (int)BitOperations.RoundUpToPowerOf2((uint)(2 * sparseCount));
        _sparseKeys = new char[capacity];
        _sparseMasks = new ulong[capacity];
        _sparseSlotMask = capacity - 1;

        for (var i = 0; i < query.Length; i++)
        {
            var bit = 1UL << i;
            var c = query[i];
            if (TryDenseIndex(c, out var index))
            {
                _dense[index] |= bit;
            }
            else
            {
                var slot = FindSlot(c);
                _sparseKeys[slot] = c;
                _sparseMasks[slot] |= bit;
            }
        }
    }

    /// <summary>The positions of <paramref name="c"/> in the query, as bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Get(char c)
    {
        uint index = c;
        if (index >= 256)
        {
            // U+0400–U+04FF map to 256–511; everything else (including U+0100–U+03FF, which wrap round) lands ≥ 512.
            index -= CyrillicOffset;
            if (index - 256 >= 256)
            {
                return GetSparse(c);
            }
        }
        // index < 512 was just established, so the bounds check can go.
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_dense), (nint)index);
    }

    private static bool TryDenseIndex(char c, out uint index)
    {
        if (c < 256)
        {
            index = c;
            return true;
        }
        index = c - CyrillicOffset;
        return c is >= '\u0400' and <= '\u04FF';
    }

    // Inlined too: a call in the kernels' loops would make the JIT spill their bit vectors to the stack.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong GetSparse(char c) => _sparseMasks[FindSlot(c)];

    /// <summary>The slot holding <paramref name="c"/>, or the empty slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindSlot(char c)
    {
        var slot = c & _sparseSlotMask;
        while (_sparseKeys[slot] != c && _sparseKeys[slot] != '\0')
        {
            slot = (slot + 1) & _sparseSlotMask;
        }
        return slot;
    }
}
