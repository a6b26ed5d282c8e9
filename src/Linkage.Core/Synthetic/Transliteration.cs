using System.Text;

namespace Linkage.Synthetic;

/// <summary>Latin spellings that reference lists from international bodies use.</summary>
internal static class Transliteration
{
    /// <summary>The Ukrainian national standard (KMU-2010), from the project's own transliteration tables.</summary>
    public static string Kmu2010(string ukrainian) => Names.Transliteration.Transliterator.Get(Names.Transliteration.Transliterator.NationalUkrainian).Transliterate(ukrainian);

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
