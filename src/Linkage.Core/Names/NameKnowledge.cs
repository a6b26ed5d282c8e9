using Linkage.Names.Transliteration;
using Linkage.Normalization;
using Linkage.Records;

namespace Linkage.Names;

/// <summary>
/// Cross-script knowledge of Ukrainian, Russian and Latin names: turns one raw name into <see cref="NameForms"/>
/// (keys for comparison and blocking, with the reason each key was reached). Immutable and thread-safe; build it
/// once (dictionaries go into hash tables) and analyse each record's names once, never per pair.
/// </summary>
public sealed class NameKnowledge
{
    // Scraped text is hostile: names longer than this are cut before analysis.
    private const int MaxNameLength = 200;
    private const string UnknownPrefix = "~";

    private static readonly Lazy<NameKnowledge> LazyDefault = new(() => new NameKnowledge());

    private readonly GivenNameIndex _given;
    private readonly PatronymicIndex _patronymics;
    private readonly UserKeyClasses _userGiven = UserKeyClasses.None;
    private readonly UserKeyClasses _userPatronymics = UserKeyClasses.None;
    private readonly UserKeyClasses _userSurnames = UserKeyClasses.None;

    private NameKnowledge()
    {
        _given = new GivenNameIndex(GivenNameEntry.LoadEmbedded(), Transliterator.Schemes);
        _patronymics = new PatronymicIndex(_given.Entries);
    }

    private NameKnowledge(NameKnowledge embedded, NameDictionaryPaths extra)
    {
        _given = embedded._given;
        _patronymics = embedded._patronymics;
        if (extra.GivenNames is { } given)
        {
            _userGiven = UserKeyClasses.Load(given, extra.MaxRank, name => embedded.GivenName(name, Sex.Unknown).CanonicalKey, IsCuratedKey);
        }
        if (extra.Patronymics is { } patronymics)
        {
            _userPatronymics = UserKeyClasses.Load(patronymics, extra.MaxRank, name => embedded.Patronymic(name, Sex.Unknown).CanonicalKey, IsCuratedKey);
        }
        if (extra.Surnames is { } surnames)
        {
            // Surname keys all come from rules; none is protected.
            _userSurnames = UserKeyClasses.Load(surnames, extra.MaxRank, name => embedded.Surname(name, Sex.Unknown).CanonicalKey, _ => false);
        }
    }

    /// <summary>Knowledge from the embedded data only.</summary>
    public static NameKnowledge Default => LazyDefault.Value;

    /// <summary>The embedded data plus user dictionaries (CSV <c>uk, ru, rank</c>) for given names, patronymics and surnames.</summary>
    public static NameKnowledge Load(NameDictionaryPaths extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        return new NameKnowledge(Default, extra);
    }

    public NameForms GivenName(string? raw, Sex sex) => Analyse(raw, NameKind.Given, sex);

    public NameForms Surname(string? raw, Sex sex) => Analyse(raw, NameKind.Surname, sex);

    public NameForms Patronymic(string? raw, Sex sex) => Analyse(raw, NameKind.Patronymic, sex);

    public NameForms Analyse(string? raw, NameKind kind, Sex sex)
    {
        var display = raw?.Trim() ?? string.Empty;
        var folded = TextNormalizer.Fold(display.Length > MaxNameLength ? display[..MaxNameLength] : display);
        var parts = folded.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Replace(".", string.Empty, StringComparison.Ordinal))
            .Where(part => part.Any(char.IsLetter))
            .ToArray();
        if (parts.Length == 0)
        {
            return NameForms.Missing(raw);
        }
        // A patronymic is one word; anything after it is noise ("Іванович (батько)").
        if (kind == NameKind.Patronymic || parts.Length == 1)
        {
            return AnalyseWord(display, parts[0], folded.Contains('.', StringComparison.Ordinal), kind, sex);
        }
        var words = parts.Select(part => AnalyseWord(part, part, false, kind, sex)).ToArray();
        var keys = words.Where(w => w.CanonicalKey.Length > 0).Select(w => w.CanonicalKey).ToArray();
        return new NameForms
        {
            Display = display,
            Normalized = string.Join('-', words.Select(w => w.Normalized)),
            CanonicalKey = string.Join('-', keys),
            PhoneticKey = words[0].PhoneticKey,
            InitialKey = words[0].InitialKey,
            IsInitialOnly = words.All(w => w.IsInitialOnly),
            DiminutiveOf = words.SelectMany(w => w.DiminutiveOf).Distinct(StringComparer.Ordinal).ToArray(),
            PartKeys = keys,
            KeySource = string.Join(" + ", words.Select(w => w.KeySource).Distinct(StringComparer.Ordinal)),
        };
    }

    /// <summary>The dictionary entry forms behind a given-name or patronymic key, for explanations; null for rule keys.</summary>
    public (IReadOnlyList<string> Ukrainian, IReadOnlyList<string> Russian, IReadOnlyList<string> Diminutives)? Equivalents(string canonicalKey)
    {
        var entry = _given.ById(canonicalKey);
        return entry is null ? null : (entry.Ukrainian, entry.Russian, entry.UkrainianShort.Concat(entry.RussianShort).Distinct().ToArray());
    }

    /// <summary>Plausible Ukrainian and Russian Cyrillic forms of a Latin name: the dictionary's when it knows the name, else letter rules.</summary>
    public (string Ukrainian, string Russian, string Source) ToCyrillic(string? latin, NameKind kind, Sex sex)
    {
        if (kind == NameKind.Given)
        {
            var forms = GivenName(latin, sex);
            if (_given.ById(forms.CanonicalKey) is { } entry)
            {
                return (entry.Ukrainian[0], entry.Russian[0], forms.KeySource);
            }
        }
        var (uk, ru) = Transliterator.ToCyrillic(latin);
        return (uk, ru, "Latin→Cyrillic letter rules");
    }

    private NameForms AnalyseWord(string display, string letters, bool hadDot, NameKind kind, Sex sex)
    {
        var skeleton = LetterSkeleton.Of(letters);
        var initial = InitialClass.Of(letters);
        var letterCount = letters.Count(char.IsLetter);
        if (letterCount == 1 || (hadDot && InitialClass.IsLatinInitialGroup(letters)))
        {
            return new NameForms
            {
                Display = display,
                Normalized = skeleton,
                CanonicalKey = string.Empty,
                PhoneticKey = string.Empty,
                InitialKey = initial,
                IsInitialOnly = true,
                KeySource = "initial only",
            };
        }
        var (key, source, diminutiveOf) = kind switch
        {
            NameKind.Given => GivenKey(letters, skeleton, sex),
            NameKind.Patronymic => PatronymicKey(letters, skeleton),
            _ => SurnameKeyOf(letters),
        };
        var userClasses = kind switch
        {
            NameKind.Given => _userGiven,
            NameKind.Patronymic => _userPatronymics,
            _ => _userSurnames,
        };
        if (userClasses.Representative(key) is { } representative)
        {
            (key, source) = (representative, source + ", joined by user dictionary");
        }
        return new NameForms
        {
            Display = display,
            Normalized = skeleton,
            CanonicalKey = key,
            PhoneticKey = PhoneticKey.Of(skeleton),
            InitialKey = initial,
            DiminutiveOf = diminutiveOf,
            PartKeys = [key],
            KeySource = source,
        };
    }

    private (string Key, string Source, IReadOnlyList<string> DiminutiveOf) GivenKey(string letters, string skeleton, Sex sex)
    {
        var diminutiveOf = _given.DiminutiveOf(letters, skeleton, sex);
        if (_given.Exact(letters, sex) is { } exact)
        {
            return (exact.Id, "UA↔RU dictionary", Without(diminutiveOf, exact.Id));
        }
        if (_given.Latin(letters, sex) is { } latin)
        {
            return (latin.Entry.Id, $"dictionary, {latin.Source}", Without(diminutiveOf, latin.Entry.Id));
        }
        if (_given.BySkeleton(skeleton, sex) is { } bySkeleton)
        {
            return (bySkeleton.Id, "dictionary, letter rules", Without(diminutiveOf, bySkeleton.Id));
        }
        var source = _given.IsKnownDiminutive(letters, skeleton) ? "diminutive, letter rules" : "letter rules";
        return (UnknownPrefix + skeleton, source, diminutiveOf);
    }

    private (string Key, string Source, IReadOnlyList<string> DiminutiveOf) PatronymicKey(string letters, string skeleton)
    {
        if (_patronymics.Exact(letters) is { } exact)
        {
            return (exact, "patronymic of a dictionary name", []);
        }
        if (_patronymics.BySkeleton(skeleton) is { } bySkeleton)
        {
            return (bySkeleton, "patronymic of a dictionary name, letter rules", []);
        }
        if (PatronymicIndex.StemOf(skeleton) is not { } stem)
        {
            return (UnknownPrefix + skeleton, "letter rules", []);
        }
        return _patronymics.ByStem(stem) is { } father
            ? (father, "patronymic suffix rules, dictionary name", [])
            : (UnknownPrefix + stem, "patronymic suffix rules", []);
    }

    private static (string Key, string Source, IReadOnlyList<string> DiminutiveOf) SurnameKeyOf(string letters)
    {
        var (key, suffixRule) = SurnameKey.Of(letters);
        return (key, suffixRule ? "surname suffix rules" : "letter rules", []);
    }

    private static bool IsCuratedKey(string key) => !key.StartsWith(UnknownPrefix, StringComparison.Ordinal);

    private static IReadOnlyList<string> Without(IReadOnlyList<string> ids, string id) =>
        ids.Contains(id, StringComparer.Ordinal) ? ids.Where(i => i != id).ToArray() : ids;
}
