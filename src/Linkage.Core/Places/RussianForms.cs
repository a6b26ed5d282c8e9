namespace Linkage.Places;

/// <summary>
/// Predicts the keys of the Russian forms of a Ukrainian place name that has no authored Russian name
/// (OCHA's villages), by the regular suffix correspondences: -івка → -овка / -евка (Михайлівка → Михайловка,
/// Василівка → Васильевка), -ове / -еве → -ово / -ево, neuter -не / -ке → -ное / -кое (Мирне → Мирное,
/// Черкаське → Черкасское), -івськ- → -овск-, final -піль → -поль and -ів → -ов / -ев (Харків → Харьков).
/// Works on <see cref="PlaceKey.Skeleton"/> keys, where и/і/ы, е/є and the soft sign already agree.
/// </summary>
internal static class RussianForms
{
    private static readonly (string Ukrainian, string Russian)[] Endings =
    [
        ("ivka", "ovka"), ("ivka", "evka"), ("ove", "ovo"), ("eve", "evo"), ("ne", "noe"), ("ke", "koe"),
        ("pil", "pol"), ("iv", "ov"), ("iv", "ev"),
    ];

    public static IEnumerable<string> KeysOf(string ukrainianKey)
    {
        foreach (var (ukrainian, russian) in Endings)
        {
            if (!ukrainianKey.EndsWith(ukrainian, StringComparison.Ordinal))
            {
                continue;
            }
            var key = string.Concat(ukrainianKey.AsSpan(0, ukrainianKey.Length - ukrainian.Length), russian);
            yield return key;
            var inner = key.LastIndexOf("ivsk", StringComparison.Ordinal);
            if (inner >= 0)
            {
                yield return string.Concat(key.AsSpan(0, inner), "ovsk", key.AsSpan(inner + 4));
            }
        }
    }
}
