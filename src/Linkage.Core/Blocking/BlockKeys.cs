namespace Linkage.Blocking;

/// <summary>Combines a record's key-part values into the 64-bit keys a rule indexes it under.</summary>
internal static class BlockKeys
{
    public const int MaxValuesPerPart = 8;

    /// <summary>
    /// Every combination of the record's values for the rule's parts (and of a MinHash rule's bands), hashed, each
    /// once, in the order first met. A record missing any part has no key under the rule, nor has any record under a
    /// sibling-cross rule. Returns how many keys were written to <paramref name="keys"/>; <paramref name="scratch"/> is
    /// the caller's, reused so that nothing is allocated per record.
    /// </summary>
    public static int Compute(BlockingRule rule, IBlockingKeySource source, int record, List<ulong> keys, List<ulong> scratch)
    {
        const ulong start = 14695981039346656037UL;
        keys.Clear();
        if (rule.IsSiblingCross)
        {
            return 0;
        }
        if (rule.MinHash is { } minHash)
        {
            Span<ulong> bands = stackalloc ulong[MinHashBanding.MaxBands];
            var count = minHash.BandKeys(source.NameSkeleton(minHash.Field, record), bands);
            for (var b = 0; b < count; b++)
            {
                keys.Add(Mix(start, bands[b]));
            }
            if (count == 0)
            {
                return 0;
            }
        }
        else
        {
            keys.Add(start);
        }
        Span<int> values = stackalloc int[MaxValuesPerPart];
        for (var p = 0; p < rule.Parts.Count; p++)
        {
            var count = source.Values(rule.Parts[p], record, values);
            if (count == 0)
            {
                keys.Clear();
                return 0;
            }
            scratch.Clear();
            foreach (var prefix in keys)
            {
                for (var v = 0; v < count; v++)
                {
                    // A record has a few values per part, so a linear search beats hashing.
                    var key = Mix(prefix, (ulong)(uint)values[v] | ((ulong)p << 32));
                    if (!scratch.Contains(key))
                    {
                        scratch.Add(key);
                    }
                }
            }
            keys.Clear();
            keys.AddRange(scratch);
        }
        for (var c = 0; c < rule.Columns.Count; c++)
        {
            var value = source.ColumnValue(rule.Columns[c], record);
            if (value == 0)
            {
                keys.Clear();
                return 0;
            }
            for (var k = 0; k < keys.Count; k++)
            {
                keys[k] = Mix(keys[k], (uint)value | ((ulong)(rule.Parts.Count + c) << 32));
            }
        }
        return keys.Count;
    }

    private static ulong Mix(ulong hash, ulong value)
    {
        // FNV-style combine followed by a 64-bit finaliser, so distinct value tuples rarely collide; a collision
        // only adds a candidate pair, which comparison then scores on its merits.
        hash = (hash ^ value) * 1099511628211UL;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
