using System.Text;

namespace Linkage.Synthetic;

/// <summary>Latin spellings that reference lists from international bodies use.</summary>
internal static class Transliteration
{
    /// <summary>
    /// Ukrainian national transliteration (Cabinet of Ministers resolution No. 55, 27 January 2010, "KMU-2010"):
    /// є, ї, й, ю, я have a word-initial form (Ye, Yi, Y, Yu, Ya) and another elsewhere (ie, i, i, iu, ia);
    /// зг is zgh; the soft sign and the apostrophe are dropped.
    /// </summary>
    public static string Kmu2010(string ukrainian)
    {
        var builder = new StringBuilder(ukrainian.Length * 2);
        for (var i = 0; i < ukrainian.Length; i++)
        {
            var c = ukrainian[i];
            var lower = char.ToLowerInvariant(c);
            var atWordStart = i == 0 || !char.IsLetter(ukrainian[i - 1]) && ukrainian[i - 1] is not ('\'' or '’' or 'ʼ');
            var previous = i > 0 ? char.ToLowerInvariant(ukrainian[i - 1]) : '\0';
            var latin = lower switch
            {
                'а' => "a", 'б' => "b", 'в' => "v",
                'г' => previous == 'з' ? "gh" : "h",
                'ґ' => "g", 'д' => "d", 'е' => "e",
                'є' => atWordStart ? "ye" : "ie",
                'ж' => "zh", 'з' => "z", 'и' => "y", 'і' => "i",
                'ї' => atWordStart ? "yi" : "i",
                'й' => atWordStart ? "y" : "i",
                'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s",
                'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh",
                'щ' => "shch",
                'ю' => atWordStart ? "yu" : "iu",
                'я' => atWordStart ? "ya" : "ia",
                'ь' or '\'' or '’' or 'ʼ' => string.Empty,
                _ => null,
            };
            Append(builder, c, lower, latin);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Informal English from the Russian form, as aid agencies write it (Lysenko, Oleynik, Kovalsky):
    /// a plain letter table, with -ий/-ый written -y.
    /// </summary>
    public static string InformalFromRussian(string russian)
    {
        var builder = new StringBuilder(russian.Length * 2);
        for (var i = 0; i < russian.Length; i++)
        {
            var c = russian[i];
            var lower = char.ToLowerInvariant(c);
            var next = i + 1 < russian.Length ? char.ToLowerInvariant(russian[i + 1]) : '\0';
            var atWordEnd = i + 2 >= russian.Length || !char.IsLetter(russian[i + 2]);
            if (lower is 'и' or 'ы' && next == 'й' && atWordEnd)
            {
                Append(builder, c, lower, "y");
                i++;
                continue;
            }
            var latin = lower switch
            {
                'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'ё' => "yo", 'ж' => "zh",
                'з' => "z", 'и' => "i", 'й' => "y", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o",
                'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts",
                'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ъ' or 'ь' => string.Empty, 'ы' => "y", 'э' => "e",
                'ю' => "yu", 'я' => "ya",
                _ => null,
            };
            Append(builder, c, lower, latin);
        }
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, char original, char lower, string? latin)
    {
        if (latin is null)
        {
            builder.Append(original);
        }
        else if (latin.Length > 0)
        {
            builder.Append(original != lower ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin);
        }
    }
}
