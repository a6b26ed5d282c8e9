using System.Globalization;
using System.Text;
using Linkage.Records;

namespace Linkage.Linking;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: the references one of N processes links, so that N processes
/// (an Indexed Job, a job array) together produce exactly the single-process result.
/// <para>
/// References are partitioned by block: a reference's sibling group (its own id when it has none) is hashed with
/// FNV-1a over its UTF-8 bytes, a hash fixed by definition (unlike <see cref="string.GetHashCode()"/>, which is
/// randomised per process), so every machine assigns every reference to the same shard. A reference's candidates,
/// ranks and sibling evidence depend only on the listings and on the other children of its group, all of which its
/// shard sees; every shard links against all listings, so term frequencies are the same everywhere too.
/// </para>
/// </summary>
public sealed record LinkShard
{
    private LinkShard(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>Zero-based: 0 to <see cref="Count"/> − 1, as Kubernetes' JOB_COMPLETION_INDEX and Slurm's array task ids.</summary>
    public int Index { get; }

    public int Count { get; }

    /// <summary>The most shards a run may have: beyond this the per-shard start-up cost dwarfs any gain.</summary>
    public const int MaxCount = 1024;

    public static LinkShard Create(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return new LinkShard(index, count);
    }

    /// <summary>Reads <c>K/N</c> (shard K of N, K from 0); null with the problem, worded for a command line, when it cannot.</summary>
    public static (LinkShard? Shard, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return (null, $"--shard takes K/N, shard K (from 0) of N shards, such as 0/3; got '{Printable(text)}'");
        }
        if (count is < 1 or > MaxCount)
        {
            return (null, $"--shard {index}/{count}: N must be between 1 and {MaxCount}");
        }
        if (index >= count)
        {
            return (null, $"--shard {index}/{count}: K counts from 0, so it must be below N (0 to {count - 1})");
        }
        return (new LinkShard(index, count), null);
    }

    public bool Contains(ReferenceRecord reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var block = reference.Person.SiblingGroup.Length > 0 ? reference.Person.SiblingGroup : reference.RecordId;
        return (int)(StableHash(block) % (ulong)Count) == Index;
    }

    /// <summary>The references of this shard, in their original order.</summary>
    public IReadOnlyList<ReferenceRecord> Select(IReadOnlyList<ReferenceRecord> references) =>
        Count == 1 ? references : [.. references.Where(Contains)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>64-bit FNV-1a of the UTF-8 bytes: fixed by its definition, so the same on every machine and runtime.</summary>
    internal static ulong StableHash(string text)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        Span<byte> buffer = stackalloc byte[256];
        var chars = text.AsSpan();
        while (!chars.IsEmpty)
        {
            // Whole characters per chunk (a surrogate pair is never split), so chunking does not change the bytes.
            var take = Math.Min(chars.Length, 64);
            if (char.IsHighSurrogate(chars[take - 1]) && take < chars.Length)
            {
                take--;
            }
            var written = Encoding.UTF8.GetBytes(chars[..take], buffer);
            foreach (var b in buffer[..written])
            {
                hash = (hash ^ b) * prime;
            }
            chars = chars[take..];
        }
        return hash;
    }

    private static string Printable(string text) => text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
}
