using System.Text;

namespace Linkage.Places;

/// <summary>
/// Ukrainian → Latin by the national standard (KMU Resolution No. 55 of 27 January 2010): є ї й ю я are
/// Ye Yi Y Yu Ya at the start of a word and ie i i iu ia elsewhere, зг is zgh, the soft sign and apostrophe
/// are dropped. Used for the Latin names of places; the tests carry the standard's own examples.
/// </summary>
internal static class KmuTransliteration
{
    public static string ToLatin(string ukrainian)
    {
        var builder = new StringBuilder(ukrainian.Length + 8);
        for (var i = 0; i < ukrainian.Length; i++)
        {
            var c = ukrainian[i];
            var lower = char.ToLowerInvariant(c);
            var wordStart = i == 0 || !char.IsLetter(ukrainian[i - 1]) && ukrainian[i - 1] is not ('\'' or '’' or 'ʼ');
            var latin = lower == 'г' && i > 0 && char.ToLowerInvariant(ukrainian[i - 1]) == 'з'
                ? "gh"
                : Letter(lower, wordStart);
            if (latin is null)
            {
                builder.Append(c);
                continue;
            }
            if (latin.Length > 0 && char.IsUpper(c))
            {
                var nextIsUpper = i + 1 < ukrainian.Length && char.IsUpper(ukrainian[i + 1]);
                latin = nextIsUpper ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..];
            }
            builder.Append(latin);
        }
        return builder.ToString();
    }

    /// <summary>The Latin for one lower-case letter; empty for letters the standard drops, null for non-letters.</summary>
    private static string? Letter(char c, bool wordStart) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "h", 'ґ' => "g", 'д' => "d", 'е' => "e",
        'є' => wordStart ? "ye" : "ie", 'ж' => "zh", 'з' => "z", 'и' => "y", 'і' => "i",
        'ї' => wordStart ? "yi" : "i", 'й' => wordStart ? "y" : "i", 'к' => "k", 'л' => "l", 'м' => "m",
        'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f",
        'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ь' => "", 'ю' => wordStart ? "yu" : "iu",
        'я' => wordStart ? "ya" : "ia", '\'' or '’' or 'ʼ' => "",
        _ => null,
    };
}
