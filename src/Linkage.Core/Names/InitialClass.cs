namespace Linkage.Names;

/// <summary>
/// The cross-script class of a name's first letter, so that "К." meets Коваленко and Kovalenko. Classes are
/// Latin tokens: І/И/Ї/Й/Ы/I/Y/J → "I"; Є/Е/Э/Ye/Ie/Je → "E"; Г/Ґ/G/H → "G"; Ш/Щ/Sh/Shch → "SH"; Ж/Zh → "ZH";
/// Х/Kh → "KH"; Ц/Ts → "TS"; Ч/Ch → "CH"; Ю/Yu/Iu/Ju → "YU"; Я/Ya/Ia/Ja → "YA"; Latin O and A meet Cyrillic О and А.
/// </summary>
internal static class InitialClass
{
    /// <summary>The class of the first letter of a folded word; empty when it starts with no letter.</summary>
    public static string Of(string folded)
    {
        var start = 0;
        while (start < folded.Length && !char.IsLetter(folded[start]))
        {
            start++;
        }
        if (start == folded.Length)
        {
            return string.Empty;
        }
        var c = folded[start];
        return c is >= 'a' and <= 'z' ? Latin(folded.AsSpan(start)) : Cyrillic(c);
    }

    /// <summary>Latin letter groups that are a whole initial on their own ("Sh.", "Zh.", "Ya.").</summary>
    public static bool IsLatinInitialGroup(string lettersOnly) =>
        lettersOnly is "sh" or "zh" or "kh" or "ch" or "ts" or "ya" or "yu" or "ye" or "yi" or "ia" or "iu" or "shch";

    private static string Cyrillic(char c) => c switch
    {
        'а' => "A", 'б' => "B", 'в' => "V", 'г' or 'ґ' => "G", 'д' => "D", 'е' or 'є' or 'ё' or 'э' => "E",
        'ж' => "ZH", 'з' => "Z", 'и' or 'і' or 'ї' or 'й' or 'ы' => "I", 'к' => "K", 'л' => "L", 'м' => "M",
        'н' => "N", 'о' => "O", 'п' => "P", 'р' => "R", 'с' => "S", 'т' => "T", 'у' => "U", 'ф' => "F",
        'х' => "KH", 'ц' => "TS", 'ч' => "CH", 'ш' or 'щ' => "SH", 'ю' => "YU", 'я' => "YA",
        _ => c.ToString().ToUpperInvariant(),
    };

    private static string Latin(ReadOnlySpan<char> s)
    {
        var next = s.Length > 1 ? s[1] : '\0';
        return (s[0], next) switch
        {
            ('s', 'h') or ('s', 'c') => "SH",
            ('z', 'h') => "ZH",
            ('k', 'h') => "KH",
            ('c', 'h') => "CH",
            ('t', 's') or ('t', 'z') => "TS",
            ('p', 'h') => "F",
            ('t', 'h') => "T",
            ('y' or 'i' or 'j', 'a') => "YA",
            ('y' or 'i' or 'j', 'u') => "YU",
            ('y' or 'i' or 'j', 'e') => "E",
            ('c', 'e' or 'i' or 'y') => "TS",
            ('y' or 'i' or 'j', _) => "I",
            ('h' or 'g', _) => "G",
            ('c' or 'q' or 'x', _) => "K",
            ('w', _) => "V",
            (var c, _) => c.ToString().ToUpperInvariant(),
        };
    }
}
