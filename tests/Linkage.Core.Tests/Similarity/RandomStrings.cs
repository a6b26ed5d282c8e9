using System.Text;

namespace Linkage.Tests.Similarity;

/// <summary>Seeded random strings that stress the kernels: small alphabets (many equal characters), both dense
/// ranges, characters outside them, lengths around the 64-character word boundary, and near-copies.</summary>
internal sealed class RandomStrings(int seed)
{
    // Characters outside Latin-1 and U+0400–U+04FF, including ones that wrap round in the dense index
    // (U+0100–U+03FF), U+0500, NUL, a lone surrogate and U+FFFF.
    private const string Outside = "\u0100\u02BC\u03A9\u03FF\u0500\u2019\u20AC\u4E2D\uD83D\uFFFF";

    private static readonly string[] Alphabets =
    [
        "абвгдеєжзиіїйклмнопрстуфхцчшщьюяґ'-",
        "аеиоу",
        "abcdefghijklmnopqrstuvwxyz",
        "ab",
        "a",
        "абвгabcd\u00FF\u0400\u04FF\0" + Outside,
        Outside,
        "нко" + Outside[..3],
    ];

    private static readonly int[] EdgeLengths = [0, 1, 2, 3, 63, 64, 65, 127, 128, 130];

    private readonly Random _random = new(seed);

    public (string Query, string Candidate) NextPair()
    {
        var alphabet = Alphabets[_random.Next(Alphabets.Length)];
        var query = NextString(alphabet, NextLength());
        var candidate = _random.Next(3) switch
        {
            0 => NextString(alphabet, NextLength()),
            _ => Mutate(query, alphabet),
        };
        return _random.Next(2) == 0 ? (query, candidate) : (candidate, query);
    }

    public double NextCutoff() => _random.Next(4) switch
    {
        0 => 0.0,
        1 => _random.NextDouble(),
        2 => 0.7 + 0.3 * _random.NextDouble(),
        _ => 1.0,
    };

    public int NextInt(int maxExclusive) => _random.Next(maxExclusive);

    private int NextLength() => _random.Next(4) switch
    {
        0 => EdgeLengths[_random.Next(EdgeLengths.Length)],
        1 => _random.Next(66, 140),
        _ => _random.Next(0, 16),
    };

    private string NextString(string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[_random.Next(alphabet.Length)]);
        }
        return builder.ToString();
    }

    /// <summary>A few random edits (substitute, insert, delete, swap neighbours), like a misspelt name.</summary>
    private string Mutate(string text, string alphabet)
    {
        var builder = new StringBuilder(text);
        var edits = _random.Next(0, 5);
        for (var e = 0; e < edits; e++)
        {
            var at = builder.Length == 0 ? 0 : _random.Next(builder.Length);
            switch (_random.Next(4))
            {
                case 0 when builder.Length > 0:
                    builder[at] = alphabet[_random.Next(alphabet.Length)];
                    break;
                case 1:
                    builder.Insert(at, alphabet[_random.Next(alphabet.Length)]);
                    break;
                case 2 when builder.Length > 0:
                    builder.Remove(at, 1);
                    break;
                case 3 when at + 1 < builder.Length:
                    (builder[at], builder[at + 1]) = (builder[at + 1], builder[at]);
                    break;
            }
        }
        return builder.ToString();
    }
}
