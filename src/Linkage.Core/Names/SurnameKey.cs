namespace Linkage.Names;

/// <summary>
/// The cross-script key of a surname built from its <see cref="LetterSkeleton"/>. UA ьо/йо meet RU ё
/// (Аксьонов/Аксёнов); vowels е/є/э and і/и/ы/ї merge (Олійник/Олейник, Білик/Белик, Лисенко/Лысенко); then endings
/// are unified so masculine and feminine, Ukrainian and Russian forms meet: -ська/-ская/-ський/-ский → -ski (also
/// -цьк-, -зьк-), -ов/-ова/-ев/-ева/-ів/-їв → -ov (Петрів/Петров/Петрова, Ковалів/Ковалёв), -ін/-іна/-ин/-ина → -in,
/// RU fem. adjectival -ая → UA -а (Аксамитная/Аксамитна), -ой → -i; and the stem before -ськ- meets its Russian
/// form (Баланівська/Балановская). -енко, -ук/-юк, -ко, -ець/-ец need no rule. Ukrainian orthography and the
/// names-translator pools (see SOURCES.md) motivate the rules.
/// </summary>
internal static class SurnameKey
{
    // Longest first; each is (ending in the vowel-merged skeleton, replacement).
    private static readonly (string Ending, string Replacement)[] Endings =
    [
        ("ska", "ski"), ("cka", "cki"), ("zka", "zki"),
        ("ova", "ov"), ("iva", "ov"), ("iv", "ov"),
        ("ina", "in"),
        ("oi", "i"),
    ];

    // Applied first: the RU feminine adjectival ending is the UA one (Береговая/Берегова, Ковальская/Ковальська).
    private static readonly (string Ending, string Replacement)[] RussianAdjectival = [("aia", "a")];

    // Applied after the endings: UA і in the syllable before -ськ- is RU о (Баланівський/Балановский).
    private static readonly (string Ending, string Replacement)[] StemsBeforeSuffix = [("ivski", "ovski"), ("ivcki", "ovcki")];

    /// <summary>The key of a folded surname and whether a suffix rule changed it.</summary>
    public static (string Key, bool SuffixRule) Of(string folded)
    {
        var skeleton = LetterSkeleton.Of(SoftO(folded));
        // Latin spellings of UA йо (Soloviov) keep a glide that the Cyrillic side has lost.
        var key = LetterSkeleton.CollapseDoubles(skeleton.Replace('e', 'i').Replace("io", "i", StringComparison.Ordinal))
            // RU ц is hard: UA -иця/-цю is RU -ица/-цу (Білиця/Белица).
            .Replace("cia", "ca", StringComparison.Ordinal).Replace("ciu", "cu", StringComparison.Ordinal);
        if (key.StartsWith("bis", StringComparison.Ordinal) || key.StartsWith("bizs", StringComparison.Ordinal))
        {
            // RU бес- before a voiceless consonant is UA без- (Бескровна/Безкровна, Бессала/Безсала).
            key = "biz" + key[3..].TrimStart('s', 'z');
        }
        var adjectivalRule = Replace(ref key, RussianAdjectival);
        var endingRule = Replace(ref key, Endings);
        var stemRule = Replace(ref key, StemsBeforeSuffix);
        return (key, adjectivalRule || endingRule || stemRule);
    }

    private static bool Replace(ref string key, (string Ending, string Replacement)[] rules)
    {
        foreach (var (ending, replacement) in rules)
        {
            // Keep at least two letters of stem so short names are not reduced to their suffix.
            if (key.Length >= ending.Length + 2 && key.EndsWith(ending, StringComparison.Ordinal))
            {
                key = LetterSkeleton.CollapseDoubles(key[..^ending.Length] + replacement);
                return true;
            }
        }
        return false;
    }

    /// <summary>UA ьо and йо after a consonant are RU ё (Аксьонов/Аксёнов, Воробйов/Воробьёв), which folds to е.</summary>
    private static string SoftO(string folded)
    {
        if (!folded.Contains('о', StringComparison.Ordinal))
        {
            return folded;
        }
        var result = new System.Text.StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            var previous = i > 0 ? folded[i - 1] : '\0';
            if (next == 'о' && (c == 'ь' || (c == 'й' && previous is not '\0' && "аеєиіїоуюяыэ".IndexOf(previous, StringComparison.Ordinal) < 0)))
            {
                result.Append('е');
                i++;
                continue;
            }
            result.Append(c);
        }
        return result.ToString();
    }
}
