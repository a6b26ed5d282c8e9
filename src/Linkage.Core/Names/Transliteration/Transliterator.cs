namespace Linkage.Names.Transliteration;

/// <summary>The transliteration standards shipped with Linkage, loaded once from the embedded data files.</summary>
public static class Transliterator
{
    private static readonly Lazy<IReadOnlyList<TransliterationScheme>> LazySchemes = new(() =>
        NameCsv.EmbeddedUnder("Translit")
            .Where(path => !path.EndsWith("latin_to_cyrillic.csv", StringComparison.Ordinal))
            .Select(TransliterationScheme.LoadEmbedded)
            // The national standard first: explanations name the first scheme that produced a spelling.
            .OrderByDescending(s => s.Id == NationalUkrainian)
            .ThenByDescending(s => s.IsUkrainian)
            .ThenByDescending(s => s.Id == "ru-icao-9303")
            .ToArray());

    /// <summary>Id of the Ukrainian national standard, KMU Resolution No. 55 (2010).</summary>
    public const string NationalUkrainian = "uk-kmu-2010";

    private static readonly Lazy<LatinToCyrillic> LazyReverse = new(LatinToCyrillic.LoadEmbedded);

    /// <summary>Every Cyrillic→Latin scheme, Ukrainian ones first.</summary>
    public static IReadOnlyList<TransliterationScheme> Schemes => LazySchemes.Value;

    /// <summary>The scheme with the given id ("uk-kmu-2010", "ru-icao-9303", …).</summary>
    public static TransliterationScheme Get(string id) =>
        Schemes.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException($"No transliteration scheme '{id}'.", nameof(id));

    /// <summary>Plausible Ukrainian and Russian Cyrillic spellings of a Latin name by letter rules only.</summary>
    public static (string Ukrainian, string Russian) ToCyrillic(string? latin) => LazyReverse.Value.Convert(latin);
}
