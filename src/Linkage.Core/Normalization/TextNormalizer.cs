using System.Globalization;
using System.Text;

namespace Linkage.Normalization;

/// <summary>
/// The explicit, once-per-record text folding that every comparison builds on: case folding, ё→е,
/// one apostrophe, one hyphen, single spaces, Latin diacritics removed (š ž č ŝ become sh zh ch shch), and mixed-script
/// words repaired.
/// Scorers never fold silently; callers fold first and store the result.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The one apostrophe every variant (' ’ ʼ ` ´ ″ ‘ ʹ) becomes.</summary>
    public const char Apostrophe = '\'';

    /// <summary>Folds <paramref name="text"/> for comparison; null or blank gives the empty string.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var word in SplitWords(text))
        {
            if (pendingSpace)
            {
                builder.Append(' ');
            }
            AppendFoldedWord(builder, word);
            pendingSpace = true;
        }
        return builder.ToString();
    }

    /// <summary>True for letters of the Cyrillic block that Ukrainian and Russian use.</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    public static bool IsLatin(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static IEnumerable<string> SplitWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            // Control characters (NUL from scrapes) are dropped inside a word, not treated as separators.
            var isSeparator = i == text.Length || char.IsWhiteSpace(text[i]) || text[i] == ',';
            if (isSeparator)
            {
                if (start >= 0)
                {
                    yield return text[start..i];
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
    }

    private static void AppendFoldedWord(StringBuilder builder, string word)
    {
        var cyrillic = 0;
        var latin = 0;
        foreach (var c in word)
        {
            if (IsCyrillic(c))
            {
                cyrillic++;
            }
            else if (IsLatin(c))
            {
                latin++;
            }
        }
        // A word that is mostly Cyrillic but hides Latin look-alikes ("Aлександр") is Cyrillic, and the reverse.
        var repairTo = cyrillic > 0 && latin > 0 ? (cyrillic >= latin ? Script.Cyrillic : Script.Latin) : Script.None;
        foreach (var original in WellFormed(word).Normalize(NormalizationForm.FormC))
        {
            var c = char.ToLowerInvariant(original);
            c = repairTo switch
            {
                Script.Cyrillic => Homoglyphs.ToCyrillic(c),
                Script.Latin => Homoglyphs.ToLatin(c),
                _ => c,
            };
            AppendFoldedChar(builder, c);
        }
    }

    /// <summary>The word without unpaired surrogates, which scraped text can contain and Normalize rejects.</summary>
    private static string WellFormed(string word)
    {
        if (!word.Any(char.IsSurrogate))
        {
            return word;
        }
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsHighSurrogate(word[i]) && i + 1 < word.Length && char.IsLowSurrogate(word[i + 1]))
            {
                builder.Append(word, i, 2);
                i++;
            }
            else if (!char.IsSurrogate(word[i]))
            {
                builder.Append(word[i]);
            }
        }
        return builder.ToString();
    }

    private static void AppendFoldedChar(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'ё':
                builder.Append('е');
                return;
            case '\'' or '’' or 'ʼ' or '`' or '´' or '″' or '‘' or 'ʹ' or '"' or '′':
                builder.Append(Apostrophe);
                return;
            case '‐' or '‑' or '‒' or '–' or '—' or '―' or '-':
                builder.Append('-');
                return;
        }
        // Háček letters of Czech/Slovak/ISO 9 spellings (Ševčenko, Žuk) keep their sound as the English digraph,
        // so they meet the Cyrillic and the KMU/ICAO spellings instead of collapsing to s/z/c.
        var digraph = c switch
        {
            'š' => "sh",
            'ž' => "zh",
            'č' => "ch",
            'ŝ' => "shch",
            _ => null,
        };
        if (digraph is not null)
        {
            builder.Append(digraph);
            return;
        }
        if (c > '\u007F' && !IsCyrillic(c) && char.IsLetter(c))
        {
            // Latin diacritics (é, ł, ș) fold to the base letter; Cyrillic й and ї are letters in their own right
            // and are never decomposed.
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            foreach (var part in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(part == 'ł' ? 'l' : part);
                }
            }
            return;
        }
        if (char.IsLetterOrDigit(c) || c == '.')
        {
            builder.Append(c);
        }
    }

    private enum Script
    {
        None,
        Cyrillic,
        Latin,
    }
}
