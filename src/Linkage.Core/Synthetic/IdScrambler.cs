using System.Globalization;

namespace Linkage.Synthetic;

/// <summary>
/// Turns sequence numbers into distinct, unordered-looking ids (a keyed bijection on 32 bits), so file order
/// and id order reveal neither families nor duplicates.
/// </summary>
internal sealed class IdScrambler(ulong key)
{
    private readonly uint _key = (uint)key;
    private readonly uint _key2 = (uint)(key >> 32) | 1;

    /// <summary>Every step (xor with a constant, multiply by an odd number, xor-shift) is invertible.</summary>
    public uint Scramble(int sequence)
    {
        var x = (uint)sequence ^ _key;
        x *= 0x9E3779B1u;
        x ^= x >> 15;
        x *= _key2 * 2 + 1;
        x ^= x >> 13;
        x *= 0x85EBCA6Bu;
        x ^= x >> 16;
        return x;
    }

    public string Format(string prefix, int sequence) =>
        string.Concat(prefix, Scramble(sequence).ToString("D10", CultureInfo.InvariantCulture));
}
