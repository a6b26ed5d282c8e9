using System.Text;
using Linkage.Normalization;

namespace Linkage.Names.Transliteration;

/// <summary>
/// One Cyrillic→Latin transliteration standard, loaded from a data file under Data/Names/Translit. Rules are
/// letter sequences with an optional context (word start, after a vowel, after a sign, after й, after a
/// consonant); the longest sequence whose context matches wins.
/// </summary>
public sealed class TransliterationScheme
{
    private readonly Dictionary<char, Rule[]> _rulesByFirstLetter;

    private TransliterationScheme(string id, string name, Dictionary<char, Rule[]> rules)
    {
        Id = id;
        Name = name;
        _rulesByFirstLetter = rules;
    }

    /// <summary>Short id, e.g. "uk-kmu-2010".</summary>
    public string Id { get; }

    /// <summary>Human name of the standard, e.g. "Ukrainian national transliteration (KMU Resolution No. 55…)".</summary>
    public string Name { get; }

    /// <summary>True for the Ukrainian schemes; false for the Russian ones.</summary>
    public bool IsUkrainian => Id.StartsWith("uk-", StringComparison.Ordinal);

    /// <summary>Transliterates <paramref name="text"/>, keeping its capitalisation (Щеглова → Shcheglova, ЩЕГЛОВА → SHCHEGLOVA);
    /// characters the scheme does not cover are kept.</summary>
    public string Transliterate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        // Every apostrophe variant becomes ' (same length, so indexes into text stay aligned).
        var lower = string.Create(text.Length, text, static (span, source) =>
        {
            for (var k = 0; k < source.Length; k++)
            {
                var c = char.ToLowerInvariant(source[k]);
                span[k] = c is '’' or 'ʼ' or '`' or '´' or '‘' ? TextNormalizer.Apostrophe : c;
            }
        });
        var output = new StringBuilder(lower.Length + 8);
        var wordStart = true;
        for (var i = 0; i < lower.Length;)
        {
            var c = lower[i];
            if (!_rulesByFirstLetter.TryGetValue(c, out var rules))
            {
                output.Append(text[i]);
                // An apostrophe inside a word (Знам'янка) does not start a new word.
                wordStart = !char.IsLetter(c) && c != TextNormalizer.Apostrophe;
                i++;
                continue;
            }
            var context = ContextBefore(lower, i, wordStart);
            var matched = false;
            foreach (var rule in rules)
            {
                if ((rule.Where & context) != 0 && string.CompareOrdinal(lower, i, rule.Cyrillic, 0, rule.Cyrillic.Length) == 0)
                {
                    AppendCased(output, rule.Latin, CaseOf(text, i, rule.Cyrillic.Length));
                    i += rule.Cyrillic.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                output.Append(text[i]);
                i++;
            }
            wordStart = false;
        }
        return output.ToString();
    }

    private static LetterCase CaseOf(string text, int i, int length)
    {
        if (!char.IsUpper(text[i]))
        {
            return LetterCase.Lower;
        }
        // Щ alone in a capitalised word is "Shch"; in an all-capitals word it is "SHCH".
        var next = i + length < text.Length ? text[i + length] : (i > 0 ? text[i - 1] : '\0');
        return length > 1 && char.IsUpper(text[i + 1]) || char.IsUpper(next) ? LetterCase.Upper : LetterCase.Capital;
    }

    private static void AppendCased(StringBuilder output, string latin, LetterCase letterCase)
    {
        switch (letterCase)
        {
            case LetterCase.Upper:
                output.Append(latin.ToUpperInvariant());
                break;
            case LetterCase.Capital when latin.Length > 0:
                output.Append(char.ToUpperInvariant(latin[0])).Append(latin, 1, latin.Length - 1);
                break;
            default:
                output.Append(latin);
                break;
        }
    }

    private enum LetterCase
    {
        Lower,
        Capital,
        Upper,
    }

    private static Context ContextBefore(string lower, int i, bool wordStart)
    {
        if (wordStart || i == 0)
        {
            return Context.WordStart;
        }
        return lower[i - 1] switch
        {
            'а' or 'е' or 'ё' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я' or 'і' or 'ї' or 'є' => Context.AfterVowel,
            'ь' or 'ъ' or '\'' or '’' or 'ʼ' => Context.AfterSign,
            'й' => Context.AfterShortI,
            var p when TextNormalizer.IsCyrillic(p) => Context.AfterConsonant,
            _ => Context.WordStart,
        };
    }

    internal static TransliterationScheme LoadEmbedded(string relativePath)
    {
        var header = NameCsv.ReadHeaderComments(relativePath);
        var rules = NameCsv.ReadEmbedded(relativePath)
            .Select(row => new Rule(row[0], row[1], ParseWhere(row[2])))
            .GroupBy(rule => rule.Cyrillic[0])
            .ToDictionary(
                group => group.Key,
                // Longest sequence first; among equal lengths the file order (specific contexts before '*') stands.
                group => group.OrderByDescending(rule => rule.Cyrillic.Length).ToArray());
        return new TransliterationScheme(header["scheme"], header["name"], rules);
    }

    private static Context ParseWhere(string where)
    {
        if (where == "*")
        {
            return Context.Any;
        }
        var context = Context.None;
        foreach (var c in where)
        {
            context |= c switch
            {
                '^' => Context.WordStart,
                'v' => Context.AfterVowel,
                's' => Context.AfterSign,
                'j' => Context.AfterShortI,
                'c' => Context.AfterConsonant,
                _ => throw new FormatException($"Unknown transliteration context '{c}'."),
            };
        }
        return context;
    }

    private sealed record Rule(string Cyrillic, string Latin, Context Where);

    [Flags]
    private enum Context
    {
        None = 0,
        WordStart = 1,
        AfterVowel = 2,
        AfterSign = 4,
        AfterShortI = 8,
        AfterConsonant = 16,
        Any = WordStart | AfterVowel | AfterSign | AfterShortI | AfterConsonant,
    }
}
