using Linkage.Comparison.Similarity;
using Linkage.Names;

namespace Linkage.Comparison;

/// <summary>
/// Compares one name field (given name, surname or patronymic) across scripts: the same spelling once
/// folded, the same cross-script key, a known diminutive, fuzzy agreement at falling thresholds, and for
/// surnames cut to an initial, whether the initials agree.
/// </summary>
internal sealed class NameFieldComparison : FieldComparison
{
    private readonly NameForms[] _references;
    private readonly NameForms[] _listings;
    private readonly NameLine[] _referenceLines;
    private readonly MemoValueArray<NameLine> _listingLines;
    /// <summary>The listings' keys and initials as the pair loop reads them for term frequencies (<see cref="TermValues.ListingsByValue"/>).</summary>
    private readonly MemoValueArray<int> _listingKeysByValue;
    private readonly MemoValueArray<int> _listingInitialsByValue;
    private readonly SpellingArena _spellings;
    private readonly int[] _referenceKeys;
    private readonly int[] _listingKeys;
    private readonly int[][]? _referenceAlternates;
    private readonly int[][]? _listingAlternates;
    private readonly int[]? _referenceInitials;
    private readonly int[]? _listingInitials;
    private readonly double[] _fuzzyThresholds;
    private readonly int _sameKey;
    private readonly int _diminutive;
    private readonly int _firstFuzzy;
    private readonly int _initialAgrees;
    private readonly int _disagree;

    private NameFieldComparison(
        string name, NameForms[] references, NameForms[] listings, NameLine[] referenceLines, MemoValueArray<NameLine> listingLines, SpellingArena spellings,
        int[] referenceKeys, int[] listingKeys,
        int[][]? referenceAlternates, int[][]? listingAlternates, int[]? referenceInitials, int[]? listingInitials,
        double[] fuzzyThresholds)
    {
        Name = name;
        _references = references;
        _listings = listings;
        _referenceLines = referenceLines;
        _listingLines = listingLines;
        _listingKeysByValue = listingLines.Select(l => l.Key);
        _listingInitialsByValue = listingLines.Select(l => l.Initial);
        _spellings = spellings;
        _referenceKeys = referenceKeys;
        _listingKeys = listingKeys;
        _referenceAlternates = referenceAlternates;
        _listingAlternates = listingAlternates;
        _referenceInitials = referenceInitials;
        _listingInitials = listingInitials;
        _fuzzyThresholds = fuzzyThresholds;

        var levels = new List<string> { "exact", "same_key" };
        _sameKey = 1;
        _diminutive = -1;
        if (referenceAlternates is not null)
        {
            _diminutive = levels.Count;
            levels.Add("diminutive");
        }
        _firstFuzzy = levels.Count;
        levels.AddRange(fuzzyThresholds.Select(t => FormattableString.Invariant($"fuzzy_{t:0.00}")));
        _initialAgrees = -1;
        if (referenceInitials is not null)
        {
            _initialAgrees = levels.Count;
            levels.Add("initial_agrees");
            levels.Add("initial_disagrees");
        }
        _disagree = levels.Count;
        levels.Add("disagree");
        NullLevel = levels.Count;
        levels.Add("missing");
        LevelNames = levels;
    }

    public override string Name { get; }

    public override IReadOnlyList<string> LevelNames { get; }

    public override int NullLevel { get; }

    public static NameFieldComparison GivenName(PreparedPeople references, PreparedPeople listings, SpellingArena spellings, int valueCount) =>
        new("given_name", references.Given, listings.Given, references.GivenLine, listings.ByMemoValue(listings.GivenLine, PreparedPeople.GivenMemo, valueCount), spellings, references.GivenKey, listings.GivenKey,
            references.GivenAlternateKeys, listings.GivenAlternateKeys, null, null, [0.92, 0.85]);

    public static NameFieldComparison Surname(PreparedPeople references, PreparedPeople listings, SpellingArena spellings, int valueCount) =>
        new("surname", references.Surname, listings.Surname, references.SurnameLine, listings.ByMemoValue(listings.SurnameLine, PreparedPeople.SurnameMemo, valueCount), spellings, references.SurnameKey, listings.SurnameKey,
            null, null, references.SurnameInitial, listings.SurnameInitial, [0.92, 0.85]);

    public static NameFieldComparison Patronymic(PreparedPeople references, PreparedPeople listings, SpellingArena spellings, int valueCount) =>
        new("patronymic", references.Patronymic, listings.Patronymic, references.PatronymicLine, listings.ByMemoValue(listings.PatronymicLine, PreparedPeople.PatronymicMemo, valueCount), spellings, references.PatronymicKey, listings.PatronymicKey,
            null, null, null, null, [0.90]);

    public override int Level(int reference, int listing) =>
        LevelWith(reference, listing, static (query, candidate, _) => NaiveSimilarity.JaroWinkler(query, candidate), _references[reference].Normalized);

    public override bool UsesStringKernel => true;

    /// <summary>
    /// Exact and same-key names share a key, agreeing initials an initial; diminutive and fuzzy names each have
    /// their own key, and the more common one counts.
    /// </summary>
    public override TermValues? TermValuesOf(int level) =>
        level == 0 || level == _sameKey ? new(_referenceKeys, _listingKeys, _listingKeysByValue, Shared: true)
        : level == _diminutive || (level >= _firstFuzzy && level < _firstFuzzy + _fuzzyThresholds.Length)
            ? new(_referenceKeys, _listingKeys, _listingKeysByValue, Shared: false)
        : level == _initialAgrees && _initialAgrees >= 0 ? new(_referenceInitials!, _listingInitials!, _listingInitialsByValue, Shared: true)
        : null;

    protected override ComparisonCursor OpenDirectCursor() => new Cursor(this);

    /// <remarks>Reads the two <see cref="NameLine"/>s, and the listing's spelling (from the arena) only when a kernel must score it.</remarks>
    private int LevelWith<TState>(int reference, int listing, Func<TState, ReadOnlySpan<char>, double, double> similarity, TState state)
    {
        var a = _referenceLines[reference];
        var b = _listingLines[listing];
        if (a.IsMissing || b.IsMissing)
        {
            return NullLevel;
        }
        if (a.IsInitialOnly || b.IsInitialOnly)
        {
            if (_initialAgrees < 0)
            {
                return NullLevel;
            }
            return a.Initial == b.Initial ? _initialAgrees : _initialAgrees + 1;
        }
        if (a.Spelling == b.Spelling)
        {
            return 0;
        }
        if (a.Key == b.Key)
        {
            return _sameKey;
        }
        if (_diminutive >= 0 && IsDiminutivePair(reference, listing, a.Key, b))
        {
            return _diminutive;
        }
        // The scorer only needs to say whether the lowest threshold is reached; below it the pair disagrees.
        var score = similarity(state, _spellings[b.Spelling], _fuzzyThresholds[^1]);
        for (var t = 0; t < _fuzzyThresholds.Length; t++)
        {
            if (score >= _fuzzyThresholds[t])
            {
                return _firstFuzzy + t;
            }
        }
        return _disagree;
    }

    public override string Describe(int reference, int listing, int level)
    {
        var a = _references[reference];
        var b = _listings[listing];
        var levelName = LevelNames[level];
        return levelName switch
        {
            "missing" => $"{Show(a)} / {Show(b)} (missing)",
            "exact" => $"{a.Display} = {b.Display}",
            "same_key" => $"{a.Display} ≡ {b.Display} ({KeySource(a, b)})",
            "diminutive" => $"{a.Display} ≈ {b.Display} (diminutive)",
            "initial_agrees" => $"{a.Display} ~ {b.Display} (initial agrees)",
            "initial_disagrees" => $"{a.Display} ≠ {b.Display} (initial differs)",
            "disagree" => $"{a.Display} ≠ {b.Display}",
            _ => $"{a.Display} ~ {b.Display} (similar spelling: {a.Normalized} ~ {b.Normalized})",
        };
    }

    /// <summary>
    /// Builds the Jaro–Winkler scorer for a reference's name when a pair first needs it, then scores listings with
    /// it. Scorers are kept by name (a bounded number), so references sharing a name share one and the pair loop
    /// allocates nothing once the common names are cached.
    /// </summary>
    private sealed class Cursor(NameFieldComparison comparison) : ComparisonCursor(comparison)
    {
        private const int CachedScorers = 1024;

        /// <summary>By spelling id.</summary>
        private readonly Dictionary<int, CachedJaroWinkler> _scorers = [];
        private CachedJaroWinkler? _scorer;
        private int _scorerReference = -1;

        public override int Level(int listing) =>
            comparison.LevelWith(Reference, listing, static (cursor, candidate, cutoff) => cursor.Scorer().Similarity(candidate, cutoff), this);

        private CachedJaroWinkler Scorer()
        {
            if (_scorerReference != Reference)
            {
                var spelling = comparison._referenceLines[Reference].Spelling;
                if (!_scorers.TryGetValue(spelling, out _scorer))
                {
                    if (_scorers.Count == CachedScorers)
                    {
                        _scorers.Clear();
                    }
                    _scorer = new CachedJaroWinkler(comparison._spellings[spelling]);
                    _scorers.Add(spelling, _scorer);
                }
                _scorerReference = Reference;
            }
            return _scorer!;
        }
    }

    /// <summary>Whether either name is a known diminutive of the other or both of one full name; most listings' names are no diminutive, and their empty list is not read.</summary>
    private bool IsDiminutivePair(int reference, int listing, int referenceKey, NameLine listingLine) =>
        _referenceAlternates![reference].AsSpan().Contains(listingLine.Key)
        || (listingLine.HasAlternates
            && (_listingAlternates![listing].AsSpan().Contains(referenceKey)
                || _referenceAlternates[reference].AsSpan().IndexOfAny(_listingAlternates[listing]) >= 0));

    private static string KeySource(NameForms a, NameForms b) =>
        a.KeySource == b.KeySource || string.IsNullOrEmpty(b.KeySource) ? a.KeySource
        : string.IsNullOrEmpty(a.KeySource) ? b.KeySource
        : $"{a.KeySource} / {b.KeySource}";

    private static string Show(NameForms forms) => forms.IsMissing ? "—" : forms.Display;
}
