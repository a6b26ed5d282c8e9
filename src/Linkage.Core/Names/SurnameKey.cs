namespace Linkage.Names;

/// <summary>
/// The cross-script key of a surname built from its <see cref="LetterSkeleton"/>: vowels е/є/э and і/и/ы/ї merge
/// (Олійник/Олейник, Білик/Белик, Лисенко/Лысенко), a glide before o is dropped (Соловйов/Соловьёв), then endings are unified so masculine and feminine,
/// Ukrainian and Russian forms meet: -ська/-ская/-ський/-ский → -ski (also -цьк-, -зьк-), -ов/-ова/-ев/-ева/-ів/-їв
/// → -ov (Петрів/Петров/Петрова, Ковалів/Ковалёв), -ін/-іна/-ин/-ина → -in, -ая/-ой → -i; -енко, -ук/-юк, -ко,
/// -ець/-ец need no rule. Ukrainian orthography and the names-translator pools (see SOURCES.md) motivate the rules.
/// </summary>
internal static class SurnameKey
{
    // Longest first; each is (ending in the vowel-merged skeleton, replacement).
    private static readonly (string Ending, string Replacement)[] Endings =
    [
        ("skaia", "ski"), ("ckaia", "cki"), ("zkaia", "zki"),
        ("ska", "ski"), ("cka", "cki"), ("zka", "zki"),
        ("aia", "i"),
        ("ova", "ov"), ("iva", "ov"), ("iv", "ov"),
        ("ina", "in"),
        ("oi", "i"),
    ];

    /// <summary>The key and whether a suffix rule changed it.</summary>
    public static (string Key, bool SuffixRule) Of(string skeleton)
    {
        // UA йо/ьо and RU ьё (Соловйов/Соловьёв) differ only by the glide before o.
        var merged = LetterSkeleton.CollapseDoubles(skeleton.Replace('e', 'i').Replace("io", "i", StringComparison.Ordinal));
        foreach (var (ending, replacement) in Endings)
        {
            // Keep at least two letters of stem so short names are not reduced to their suffix.
            if (merged.Length >= ending.Length + 2 && merged.EndsWith(ending, StringComparison.Ordinal))
            {
                return (LetterSkeleton.CollapseDoubles(merged[..^ending.Length] + replacement), true);
            }
        }
        return (merged, false);
    }
}
