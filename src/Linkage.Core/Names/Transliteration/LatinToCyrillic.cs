using System.Text;
using Linkage.Normalization;

namespace Linkage.Names.Transliteration;

/// <summary>Rule-based Latin→Cyrillic for names no dictionary knows; rules in Data/Names/Translit/latin_to_cyrillic.csv.</summary>
internal sealed class LatinToCyrillic
{
    private readonly Rule[] _rules;

    private LatinToCyrillic(Rule[] rules) => _rules = rules;

    public static LatinToCyrillic LoadEmbedded() => new(
        NameCsv.ReadEmbedded("Translit/latin_to_cyrillic.csv")
            .Select(row => new Rule(row[0], row[1], row[2], row[3]))
            .OrderByDescending(rule => rule.Latin.Length)
            .ToArray());

    public (string Ukrainian, string Russian) Convert(string? latin)
    {
        var folded = TextNormalizer.Fold(latin);
        var uk = new StringBuilder(folded.Length);
        var ru = new StringBuilder(folded.Length);
        var wordStart = true;
        for (var i = 0; i < folded.Length;)
        {
            var rule = Match(folded, i, wordStart);
            if (rule is null)
            {
                uk.Append(folded[i]);
                ru.Append(folded[i]);
                wordStart = !char.IsLetter(folded[i]);
                i++;
                continue;
            }
            Append(uk, rule.Ukrainian, wordStart);
            Append(ru, rule.Russian, wordStart);
            i += rule.Latin.Length;
            wordStart = false;
        }
        return (uk.ToString(), ru.ToString());
    }

    private Rule? Match(string s, int i, bool wordStart)
    {
        foreach (var rule in _rules)
        {
            if (string.CompareOrdinal(s, i, rule.Latin, 0, rule.Latin.Length) != 0)
            {
                continue;
            }
            var end = i + rule.Latin.Length;
            var atEnd = end == s.Length || !char.IsLetter(s[end]);
            var previous = wordStart || i == 0 ? '\0' : s[i - 1];
            var fits = rule.Where switch
            {
                "^" => wordStart,
                "$" => atEnd,
                "v" => !wordStart && LetterSkeleton.IsVowel(previous) || previous == 'y',
                "c" => !wordStart && char.IsLetter(previous) && !LetterSkeleton.IsVowel(previous) && previous != 'y',
                _ => true,
            };
            if (fits)
            {
                return rule;
            }
        }
        return null;
    }

    private static void Append(StringBuilder output, string cyrillic, bool capitalise)
    {
        if (capitalise && cyrillic.Length > 0)
        {
            output.Append(char.ToUpperInvariant(cyrillic[0])).Append(cyrillic, 1, cyrillic.Length - 1);
        }
        else
        {
            output.Append(cyrillic);
        }
    }

    private sealed record Rule(string Latin, string Ukrainian, string Russian, string Where);
}
