using System.Globalization;
using Linkage.Comparison.Similarity;
using Linkage.Dates;
using Linkage.Ingest;
using Linkage.Normalization;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Comparison;

/// <summary>
/// A comparison the model configures on any column (data-schemas/model.md): exact agreement, Jaro–Winkler or
/// edit-distance levels on folded text, absolute-difference levels on numbers, or the date levels of
/// <see cref="DateComparison"/>. Values are folded and parsed once per record.
/// </summary>
internal sealed class ColumnComparison : FieldComparison
{
    public const string Exact = "exact";
    public const string JaroWinkler = "jaro_winkler";
    public const string EditDistance = "edit_distance";
    public const string Numeric = "numeric";
    public const string Date = "date";

    private readonly string _kind;
    private readonly string[] _references;
    private readonly string[] _listings;
    private readonly double[] _referenceNumbers;
    private readonly double[] _listingNumbers;
    private readonly PartialDate[] _referenceDates;
    private readonly PartialDate[] _listingDates;
    private readonly double[] _thresholds;
    /// <summary>Letter counts of each side's values, for string kinds: the kernels' cheap filter.</summary>
    private readonly LetterCounts? _referenceCounts;
    private readonly LetterCounts? _listingCounts;
    /// <summary>For Jaro–Winkler, the Jaro similarity the lowest threshold needs.</summary>
    private readonly double _lowestJaroNeeded;

    private ColumnComparison(ComparisonModel model, string[] references, string[] listings, IReadOnlyList<PersonDetails> referencePeople, IReadOnlyList<PersonDetails> listingPeople)
    {
        Name = model.Name;
        _kind = model.Kind!;
        _references = references;
        _listings = listings;
        _thresholds = (model.Thresholds ?? []).ToArray();
        _referenceNumbers = _listingNumbers = [];
        _referenceDates = _listingDates = [];
        if (_kind is JaroWinkler or EditDistance or Numeric && _thresholds.Length == 0)
        {
            throw new InvalidDataException($"comparison '{model.Name}': kind '{_kind}' needs at least one threshold");
        }
        switch (_kind)
        {
            case Exact:
                LevelNames = ["exact", "disagree", "missing"];
                break;
            case JaroWinkler:
                LevelNames = ["exact", .. _thresholds.Select(t => Invariant($"fuzzy_{t:0.00}")), "disagree", "missing"];
                break;
            case EditDistance:
                LevelNames = ["exact", .. _thresholds.Select(t => Invariant($"within_{t:0}_edits")), "disagree", "missing"];
                break;
            case Numeric:
                LevelNames = ["exact", .. _thresholds.Select(t => Invariant($"within_{t:0.###}")), "disagree", "missing"];
                _referenceNumbers = references.Select(ParseNumber).ToArray();
                _listingNumbers = listings.Select(ParseNumber).ToArray();
                break;
            case Date:
                LevelNames = LevelNaming.FromEnum<DateLevel>();
                _referenceDates = Dates(model.Column!, referencePeople, references);
                _listingDates = Dates(model.Column!, listingPeople, listings);
                break;
            default:
                throw new InvalidDataException(
                    $"comparison '{model.Name}': unknown kind '{_kind}' (known: {Exact}, {JaroWinkler}, {EditDistance}, {Numeric}, {Date})");
        }
        NullLevel = LevelNames.Count - 1;
        if (UsesStringKernel)
        {
            _referenceCounts = new LetterCounts(references);
            _listingCounts = new LetterCounts(listings);
            _lowestJaroNeeded = LetterCounts.JaroNeeded(_thresholds[^1]);
        }
    }

    public override string Name { get; }

    public override IReadOnlyList<string> LevelNames { get; }

    public override int NullLevel { get; }

    public static ColumnComparison Create(ComparisonModel model, IReadOnlyList<PersonDetails> references, IReadOnlyList<PersonDetails> listings)
    {
        var read = ColumnValues.Reader(model.Column!);
        return new ColumnComparison(
            model,
            references.Select(p => TextNormalizer.Fold(read(p))).ToArray(),
            listings.Select(p => TextNormalizer.Fold(read(p))).ToArray(),
            references, listings);
    }

    public override int Level(int reference, int listing) => LevelWith(reference, listing, null, int.MaxValue);

    public override bool UsesStringKernel => _kind is JaroWinkler or EditDistance;

    public override bool HasLevelCutoffs => UsesStringKernel;

    protected override ComparisonCursor OpenDirectCursor() => UsesStringKernel ? new Cursor(this) : base.OpenDirectCursor();

    public override string Describe(int reference, int listing, int level) =>
        $"{Show(_references[reference])} / {Show(_listings[listing])} ({LevelNames[level].Replace('_', ' ')})";

    /// <summary>
    /// A string kind's level when a value is missing or the letter counts rule out every level but disagreement; else
    /// −1. Reads only the counts' flat arrays, never the strings.
    /// </summary>
    private int QuickLevel(int reference, int listing)
    {
        var lengthA = _referenceCounts!.LengthOf(reference);
        var lengthB = _listingCounts!.LengthOf(listing);
        if (lengthA == 0 || lengthB == 0)
        {
            return NullLevel;
        }
        if (lengthA > LetterCounts.MaxLength || lengthB > LetterCounts.MaxLength)
        {
            return -1;
        }
        var difference = LetterCounts.Difference(_referenceCounts, reference, _listingCounts, listing);
        var filtered = _kind == JaroWinkler
            ? LetterCounts.BelowJaro(lengthA, lengthB, difference, _lowestJaroNeeded)
            : LetterCounts.MinimumDistance(difference) > _thresholds[^1];
        return filtered ? NullLevel - 1 : -1;
    }

    /// <summary>Whether the letter counts alone show the pair falls short of <paramref name="cutoff"/>.</summary>
    private bool FilteredOut(int reference, int listing, int lengthA, int lengthB, double cutoff)
    {
        var difference = LetterCounts.Difference(_referenceCounts!, reference, _listingCounts!, listing);
        return _kind == JaroWinkler
            ? LetterCounts.BelowJaroWinkler(lengthA, lengthB, difference, cutoff)
            : LetterCounts.MinimumDistance(difference) > cutoff;
    }

    /// <param name="strongestUseful">Levels weaker than this one need not be told apart (see <see cref="ComparisonCursor.Level(int, int)"/>).</param>
    private int LevelWith(int reference, int listing, ICachedScorer? scorer, int strongestUseful)
    {
        if (_kind == Date)
        {
            return (int)DateComparison.Compare(_referenceDates[reference], _listingDates[listing]);
        }
        if (_kind == Numeric)
        {
            return NumericLevel(_referenceNumbers[reference], _listingNumbers[listing]);
        }
        var a = _references[reference];
        var b = _listings[listing];
        if (a.Length == 0 || b.Length == 0)
        {
            return NullLevel;
        }
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }
        // Fuzzy levels 1 to this one are told apart; the kernel stops at the weakest one's cutoff.
        var fuzzyLevels = Math.Min(strongestUseful, _thresholds.Length);
        if (fuzzyLevels <= 0)
        {
            return NullLevel - 1;
        }
        // The cursor's path (with a scorer) filters on letter counts first; the straightforward path checks it.
        if (scorer is not null && a.Length <= LetterCounts.MaxLength && b.Length <= LetterCounts.MaxLength
            && FilteredOut(reference, listing, a.Length, b.Length, _thresholds[fuzzyLevels - 1]))
        {
            return NullLevel - 1;
        }
        switch (_kind)
        {
            case JaroWinkler:
                var similarity = scorer?.Similarity(b, _thresholds[fuzzyLevels - 1]) ?? NaiveSimilarity.JaroWinkler(a, b);
                for (var t = 0; t < fuzzyLevels; t++)
                {
                    if (similarity >= _thresholds[t])
                    {
                        return 1 + t;
                    }
                }
                break;
            case EditDistance:
                var distance = scorer is CachedOsa osa ? osa.Distance(b, (int)_thresholds[fuzzyLevels - 1]) : NaiveSimilarity.Osa(a, b);
                for (var t = 0; t < fuzzyLevels; t++)
                {
                    if (distance <= _thresholds[t])
                    {
                        return 1 + t;
                    }
                }
                break;
        }
        return NullLevel - 1;
    }

    private int NumericLevel(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return NullLevel;
        }
        var difference = Math.Abs(a - b);
        if (difference == 0)
        {
            return 0;
        }
        for (var t = 0; t < _thresholds.Length; t++)
        {
            if (difference <= _thresholds[t])
            {
                return 1 + t;
            }
        }
        return NullLevel - 1;
    }

    private static double ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : double.NaN;

    private static readonly string[] DateFormats = ["yyyyMMdd", "yyyy-MM-dd", "yyyy/MM/dd", "dd.MM.yyyy", "dd/MM/yyyy"];

    /// <summary>
    /// Whole dates in the common machine forms are read as they are, with no child's-age bounds (another
    /// schema holds adults); anything else goes through the contract's parser, and for the birth_date column
    /// falls back to what ingest parsed.
    /// </summary>
    private static PartialDate[] Dates(string column, IReadOnlyList<PersonDetails> people, string[] text)
    {
        var isBirthDate = ColumnAliases.TryFind(column, RecordContract.References, out var contract) && contract == ContractColumn.BirthDate;
        return text.Select((t, i) =>
            DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new PartialDate(date.Year, date.Month, date.Day)
                : isBirthDate ? people[i].BirthDate : PartialDate.Parse(t, null, out _)).ToArray();
    }

    private static string Show(string value) => value.Length == 0 ? "—" : value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds the reference's scorer once, then scores listings with it.</summary>
    private sealed class Cursor(ColumnComparison comparison) : ComparisonCursor(comparison)
    {
        private ICachedScorer? _scorer;

        public override void MoveTo(int reference)
        {
            base.MoveTo(reference);
            var query = comparison._references[reference];
            _scorer = comparison._kind == JaroWinkler ? new CachedJaroWinkler(query) : new CachedOsa(query);
        }

        public override int Level(int listing) => comparison.LevelWith(Reference, listing, _scorer, int.MaxValue);

        public override int Level(int listing, int strongestUseful) => comparison.LevelWith(Reference, listing, _scorer, strongestUseful);

        public override int QuickLevel(int listing) => comparison.QuickLevel(Reference, listing);
    }
}
