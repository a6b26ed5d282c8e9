using Linkage.Names;

namespace Linkage.Blocking;

/// <summary>
/// MinHash with banding (locality-sensitive hashing) over a name's q-grams, for names no dictionary knows: two
/// spellings a letter or two apart share most q-grams, so with probability 1 − (1 − J^rows)^bands (J their q-gram
/// Jaccard similarity) they share one band's key, while unrelated names rarely do. The hash functions come from
/// the rule's seed alone, so keys are the same on every run and machine. Nothing is allocated per name.
/// </summary>
internal sealed class MinHashBanding
{
    /// <summary>Letters hashed at most: names are short, and hostile text must not cost more.</summary>
    public const int MaxLength = 64;
    public const int MaxQ = 5;
    public const int MaxBands = 64;
    public const int MaxRows = 16;

    private const char StartMark = '\u0002';
    private const char EndMark = '\u0003';

    /// <summary>One seed per hash function, band by band.</summary>
    private readonly ulong[] _seeds;

    public MinHashBanding(NameKind field, int q, int bands, int rows, ulong seed)
    {
        if (q is < 1 or > MaxQ || bands is < 1 or > MaxBands || rows is < 1 or > MaxRows)
        {
            throw new InvalidDataException(
                $"minhash needs q in 1..{MaxQ}, bands in 1..{MaxBands} and rows in 1..{MaxRows} (got q {q}, bands {bands}, rows {rows})");
        }
        Field = field;
        Q = q;
        Bands = bands;
        Rows = rows;
        _seeds = new ulong[bands * rows];
        var state = seed;
        for (var i = 0; i < _seeds.Length; i++)
        {
            _seeds[i] = Synthetic.SeededRandom.SplitMix64(ref state);
        }
    }

    public NameKind Field { get; }

    public int Q { get; }

    public int Bands { get; }

    public int Rows { get; }

    /// <summary>
    /// Writes one key per band of <paramref name="name"/> into <paramref name="keys"/> (at least <see cref="Bands"/>
    /// long) and returns how many: 0 for an empty name. The band's index is part of its key, so only equal bands meet.
    /// </summary>
    public int BandKeys(ReadOnlySpan<char> name, Span<ulong> keys)
    {
        if (name.IsEmpty)
        {
            return 0;
        }
        name = name[..Math.Min(name.Length, MaxLength)];
        // The name between a start and an end mark, so the first and last letters are in as many q-grams as the rest.
        var padded = name.Length + 2;
        var gramCount = Math.Max(1, padded - Q + 1);
        Span<ulong> grams = stackalloc ulong[MaxLength + 2];
        for (var g = 0; g < gramCount; g++)
        {
            var hash = 14695981039346656037UL;
            for (var i = g; i < Math.Min(g + Q, padded); i++)
            {
                var letter = i == 0 ? StartMark : i == padded - 1 ? EndMark : name[i - 1];
                hash = (hash ^ letter) * 1099511628211UL;
            }
            grams[g] = hash;
        }
        grams = grams[..gramCount];

        var seeds = _seeds;
        for (var band = 0; band < Bands; band++)
        {
            var key = Mix((ulong)band + 1);
            for (var row = 0; row < Rows; row++)
            {
                var seed = seeds[band * Rows + row];
                var min = ulong.MaxValue;
                foreach (var gram in grams)
                {
                    min = Math.Min(min, Mix(gram ^ seed));
                }
                key = Mix(key ^ min);
            }
            keys[band] = key;
        }
        return Bands;
    }

    /// <summary>A 64-bit finaliser (MurmurHash3's fmix64): every input bit moves about half the output bits.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }
}
