using System.Text;
using Linkage.Normalization;

namespace Linkage.Names;

/// <summary>
/// The letter-level cross-script key: Ukrainian, Russian and Latin spellings of one sound sequence reach the same
/// ASCII skeleton. Letter correspondences: і/и/ы/ї/й and Latin i/y/j → i; є/е/э/ё → e; ґ/г and Latin g/h → g;
/// ь, ъ and the apostrophe vanish; ж=j, ч=q, ш=w, щ=wq, х=x (Latin kh), ц=c (Latin ts/tz); ю=iu, я=ia. Afterwards
/// "ie" becomes "e" (Latin ye/ie for є and iotated е), doubled letters collapse (Анна/Ганна/Hanna, -ій/-iy/-ii) and
/// a word-final "ei" becomes "i" (UA -ій, RU -ей).
/// Input is text already folded by <see cref="TextNormalizer.Fold"/>.
/// </summary>
internal static class LetterSkeleton
{
    /// <summary>Skeleton of one folded word; characters other than letters are dropped.</summary>
    public static string Of(string folded)
    {
        if (folded.Length == 0)
        {
            return string.Empty;
        }
        var raw = new StringBuilder(folded.Length + 4);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (TextNormalizer.IsCyrillic(c))
            {
                raw.Append(Cyrillic(c));
            }
            else if (c is >= 'a' and <= 'z')
            {
                i += Latin(folded, i, raw) - 1;
            }
        }
        return Collapse(raw);
    }

    private static string Cyrillic(char c) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' or 'ґ' => "g", 'д' => "d", 'е' or 'є' or 'ё' or 'э' => "e",
        'ж' => "j", 'з' => "z", 'и' or 'і' or 'ї' or 'й' or 'ы' => "i", 'к' => "k", 'л' => "l", 'м' => "m",
        'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f",
        'х' => "x", 'ц' => "c", 'ч' => "q", 'ш' => "w", 'щ' => "wq", 'ю' => "iu", 'я' => "ia",
        _ => string.Empty, // ь, ъ and letters outside Ukrainian/Russian
    };

    /// <summary>Appends the sound of the Latin letter group at <paramref name="i"/>; returns how many letters it used.</summary>
    private static int Latin(string s, int i, StringBuilder raw)
    {
        if (StartsWith(s, i, "shch") || StartsWith(s, i, "szcz"))
        {
            raw.Append("wq");
            return 4;
        }
        if (StartsWith(s, i, "sch"))
        {
            raw.Append("wq");
            return 3;
        }
        if (i + 1 < s.Length)
        {
            var pair = (s[i], s[i + 1]);
            string? digraph = pair switch
            {
                ('z', 'h') => "j",
                ('k', 'h') => "x",
                ('c', 'h') => "q",
                ('s', 'h') => "w",
                ('t', 's') or ('t', 'z') => "c",
                ('c', 'z') => "q",
                ('s', 'z') => "w",
                ('p', 'h') => "f",
                ('t', 'h') => "t",
                ('c', 'k') => "k",
                ('g', 'h') => "g",
                _ => null,
            };
            if (digraph is not null)
            {
                raw.Append(digraph);
                return 2;
            }
            // yo after a consonant is ё (Semyon, Pyotr, Fyodor), which every Cyrillic side folds to е.
            if (pair is ('y', 'o') && raw.Length > 0 && !IsVowel(raw[^1]))
            {
                raw.Append('e');
                return 2;
            }
        }
        var c = s[i];
        raw.Append(c switch
        {
            'c' => i + 1 < s.Length && s[i + 1] is 'e' or 'i' or 'y' ? "c" : "k",
            'h' => "g",
            'j' or 'y' => "i",
            'q' => "k",
            'w' => "v",
            'x' => "ks",
            _ => c.ToString(),
        });
        return 1;
    }

    private static bool StartsWith(string s, int i, string prefix) =>
        string.CompareOrdinal(s, i, prefix, 0, prefix.Length) == 0;

    internal static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Collapse(StringBuilder raw)
    {
        // ie → e until none is left (Єнакієве/Yenakiieve), then doubled letters collapse.
        var text = raw.ToString();
        while (text.Contains("ie", StringComparison.Ordinal))
        {
            text = text.Replace("ie", "e", StringComparison.Ordinal);
        }
        text = CollapseDoubles(text);
        // Word-final UA -ій and RU -ей are one ending (Андрій/Андрей, Пантелій/Пантелей, Andrii/Andrey).
        return text.Length > 3 && text.EndsWith("ei", StringComparison.Ordinal) ? text[..^2] + "i" : text;
    }

    /// <summary>Collapses runs of one letter to a single letter ("ana" for "anna").</summary>
    internal static string CollapseDoubles(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (result.Length == 0 || result[^1] != c)
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
