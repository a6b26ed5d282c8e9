using System.Text;
using Linkage.Normalization;

namespace Linkage.Places;

/// <summary>
/// Turns place text into lookup keys. A key is a script-neutral skeleton on which the Ukrainian, Russian and
/// Latin spellings of one name meet: Маріуполь, Мариуполь and Mariupol are all "marupol". The skeleton folds
/// г/h/g, и/і/ы/й/y, е/є/э, drops soft signs, apostrophes, spaces, hyphens and doubled letters, and drops an
/// i before a vowel (so я/ya/ia, ю/yu/iu, є/ye/ie agree). Keys are for lookup only, never for display.
/// </summary>
internal static class PlaceKey
{
    // Words that say what kind of settlement follows ("г. Донецк", "смт Мангуш", "selo"), stripped from the front.
    private static readonly HashSet<string> SettlementWords = new(StringComparer.Ordinal)
    {
        "г", "гор", "город", "м", "міс", "місто", "смт", "пгт", "с", "село", "селище", "сел", "с-ще", "пос",
        "поселок", "п", "рп", "ст", "станица", "станиця", "х", "хутор", "д", "деревня", "дер", "міського",
        "городского", "типу", "типа", "рабочий", "city", "town", "village", "of", "selo", "misto", "gorod", "smt",
        "pgt", "urban-type", "settlement", "uts", "m", "s", "g", "p",
    };

    // Words that mark a region rather than a settlement ("Донецкая обл.", "Republic of Crimea").
    private static readonly HashSet<string> RegionWords = new(StringComparer.Ordinal)
    {
        "область", "обл", "области", "областi", "області", "обл-ть", "oblast", "obl", "region", "край", "краю",
        "krai", "kray", "республика", "республіка", "республики", "республіки", "респ", "respublika", "republic",
        "автономна", "автономная", "автономный", "автономний", "ао", "округ", "okrug", "субъект", "рф",
    };

    private static readonly HashSet<string> RaionWords = new(StringComparer.Ordinal)
    {
        "район", "р-н", "р-он", "района", "району", "районе", "raion", "rayon", "district",
    };

    internal enum SegmentKind : byte
    {
        Settlement,
        Region,
        Raion,
    }

    /// <summary>One comma-separated part of place text: its folded words, and the words naming the place.</summary>
    internal sealed record Segment(SegmentKind Kind, string Folded, string Name);

    /// <summary>
    /// Splits place text into parts at commas, semicolons and brackets, and before a settlement-type word
    /// inside a part ("Донецкая обл. г. Мариуполь" → "Донецкая обл.", "г. Мариуполь"). Each part is folded,
    /// stripped of leading settlement-type words ("г.", "смт") and classified by the region or raion words
    /// it carries.
    /// </summary>
    public static IEnumerable<Segment> Segments(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        foreach (var part in text.Split([',', ';', '(', ')', '/', '\\', '|', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var all = new List<string>();
            var name = new List<string>();
            var kind = SegmentKind.Settlement;
            foreach (var raw in TextNormalizer.Fold(part).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var word in SplitAbbreviation(raw))
                {
                    var bare = word.Trim('.', '-', '\'');
                    if (bare.Length == 0)
                    {
                        continue;
                    }
                    var startsSettlement = SettlementWords.Contains(bare) && bare != "of";
                    if (startsSettlement && name.Count > 0)
                    {
                        if (all.Count <= MaxWords)
                        {
                            yield return new Segment(kind, string.Join(' ', all), string.Join(' ', name));
                        }
                        (all, name, kind) = ([], [], SegmentKind.Settlement);
                    }
                    all.Add(bare);
                    if (RegionWords.Contains(bare))
                    {
                        kind = kind == SegmentKind.Raion ? kind : SegmentKind.Region;
                    }
                    else if (RaionWords.Contains(bare))
                    {
                        kind = SegmentKind.Raion;
                    }
                    else if (!(name.Count == 0 && SettlementWords.Contains(bare)))
                    {
                        name.Add(bare);
                    }
                }
            }
            if (all.Count > 0 && all.Count <= MaxWords)
            {
                yield return new Segment(kind, string.Join(' ', all), string.Join(' ', name));
            }
        }
    }

    /// <summary>
    /// The name of a settlement-worded part, then the same text keeping fewer of its leading settlement-type
    /// words, for names that begin with one ("смт Станиця Луганська").
    /// </summary>
    public static IEnumerable<string> NameCandidates(Segment segment)
    {
        yield return segment.Name;
        var words = segment.Folded.Split(' ');
        var leading = 0;
        while (leading < words.Length && SettlementWords.Contains(words[leading]))
        {
            leading++;
        }
        for (var start = leading - 1; start >= 0; start--)
        {
            yield return string.Join(' ', words, start, words.Length - start);
        }
    }

    /// <summary>Longer parts are prose, not a place name.</summary>
    private const int MaxWords = 8;

    /// <summary>
    /// The key an occupation label is matched on: each word with its inflected vowel ending cut, abbreviations
    /// written out, but spelling otherwise kept, so Russian "Запорожской обл." meets the label "Запорожская
    /// область" while Ukrainian "Запорізька область" does not.
    /// </summary>
    public static string LabelStem(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim('.', '-', '\'') switch
            {
                "обл" or "обл-ть" => "область",
                "респ" => "республика",
                var other => other,
            };
            var end = word.Length;
            while (end > 2 && "аеиоуыэюяйіїєьaeiouy".Contains(word[end - 1], StringComparison.Ordinal))
            {
                end--;
            }
            words[i] = word[..end];
        }
        return string.Join(' ', words);
    }

    /// <summary>"г.донецк" → "г.", "донецк": an abbreviation glued to the name by its dot.</summary>
    private static IEnumerable<string> SplitAbbreviation(string word)
    {
        var dot = word.IndexOf('.');
        if (dot > 0 && dot < word.Length - 1 && dot <= 4)
        {
            yield return word[..dot];
            yield return word[(dot + 1)..];
        }
        else
        {
            yield return word;
        }
    }

    /// <summary>The skeleton of already folded words.</summary>
    public static string Skeleton(string folded)
    {
        var raw = new StringBuilder(folded.Length + 4);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (TextNormalizer.IsCyrillic(c))
            {
                raw.Append(CyrillicSkeleton(c));
            }
            else if (c is >= 'a' and <= 'z')
            {
                i += AppendLatin(raw, folded, i) - 1;
            }
            else if (char.IsAsciiDigit(c))
            {
                raw.Append(c);
            }
        }
        return Compact(raw);
    }

    private static string CyrillicSkeleton(char c) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' or 'ґ' => "g", 'д' => "d", 'е' or 'є' or 'э' or 'ё' => "e",
        'ж' => "j", 'з' => "z", 'и' or 'і' or 'ы' or 'й' or 'ї' => "i", 'к' => "k", 'л' => "l", 'м' => "m",
        'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f",
        'х' => "x", 'ц' => "c", 'ч' => "4", 'ш' or 'щ' => "w", 'ю' => "iu", 'я' => "ia",
        _ => string.Empty,
    };

    private static readonly (string Digraph, char Skeleton)[] LatinDigraphs =
        [("sh", 'w'), ("ch", '4'), ("zh", 'j'), ("kh", 'x'), ("ts", 'c'), ("tz", 'c')];

    /// <summary>Appends the skeleton of the Latin letter or digraph at <paramref name="i"/>; returns its length.</summary>
    private static int AppendLatin(StringBuilder raw, string text, int i)
    {
        var rest = text.AsSpan(i);
        if (rest.StartsWith("shch") || rest.StartsWith("sch"))
        {
            raw.Append('w');
            return rest.StartsWith("shch") ? 4 : 3;
        }
        foreach (var (digraph, skeleton) in LatinDigraphs)
        {
            if (rest.StartsWith(digraph))
            {
                raw.Append(skeleton);
                return 2;
            }
        }
        if (rest[0] == 'x')
        {
            raw.Append("ks");
            return 1;
        }
        raw.Append(rest[0] switch
        {
            'y' or 'j' => 'i',
            'h' => 'g',
            'w' => 'v',
            'q' or 'c' => 'k',
            _ => rest[0],
        });
        return 1;
    }

    /// <summary>Collapses doubled letters (so runs of i), then drops an i before a vowel.</summary>
    private static string Compact(StringBuilder raw)
    {
        var collapsed = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (collapsed.Length == 0 || collapsed[^1] != raw[i])
            {
                collapsed.Append(raw[i]);
            }
        }
        var result = new StringBuilder(collapsed.Length);
        for (var i = 0; i < collapsed.Length; i++)
        {
            var beforeVowel = i + 1 < collapsed.Length && collapsed[i + 1] is 'a' or 'e' or 'o' or 'u';
            if (collapsed[i] != 'i' || !beforeVowel)
            {
                result.Append(collapsed[i]);
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// The key of a region name in any case or language: the skeleton with the adjective ending cut,
    /// so Донецька, Донецкой, Donetska and Донецьк all give "donec".
    /// </summary>
    public static string RegionStem(string foldedWords)
    {
        var skeleton = Skeleton(foldedWords);
        var end = skeleton.Length;
        while (end > 3 && skeleton[end - 1] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            end--;
        }
        if (end > 4 && skeleton[end - 1] == 'k' && skeleton[end - 2] is 's' or 'c' or 'z')
        {
            end -= skeleton[end - 2] == 's' ? 2 : 1;
        }
        return skeleton[..end];
    }

    /// <summary>A stable (process-independent) 32-bit FNV-1a hash, never 0.</summary>
    public static int StableHash(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash == 0 ? 1 : (int)hash;
    }
}
