using System.Collections.Concurrent;
using Linkage.Blocking;
using Linkage.Dates;
using Linkage.Linking;
using Linkage.Names;
using Linkage.Places;
using Linkage.Records;

namespace Linkage.Comparison;

/// <summary>
/// One side's records normalized once, as arrays the pair loop reads: name forms and their interned keys,
/// birth dates, sexes and resolved birthplaces. Nothing here is computed per pair.
/// </summary>
internal sealed class PreparedPeople : IBlockingKeySource
{
    private PreparedPeople(int count)
    {
        Count = count;
        Given = new NameForms[count];
        Surname = new NameForms[count];
        Patronymic = new NameForms[count];
        GivenLine = new NameLine[count];
        SurnameLine = new NameLine[count];
        PatronymicLine = new NameLine[count];
        GivenKey = new int[count];
        GivenPhonetic = new int[count];
        GivenAlternateKeys = new int[count][];
        SurnameKey = new int[count];
        SurnamePhonetic = new int[count];
        SurnameInitial = new int[count];
        PatronymicKey = new int[count];
        BirthDate = new PartialDate[count];
        Sex = new Sex[count];
        BirthPlace = new PlaceRef[count];
        BirthPlaceText = new string[count];
        MemoValueIds = new int[count * MemoFields];
        SiblingGroupId = new int[count];
    }

    public int Count { get; }

    public NameForms[] Given { get; }
    public NameForms[] Surname { get; }
    public NameForms[] Patronymic { get; }
    /// <summary>Each name's flags, spelling and keys as integers, what levelling reads before any string kernel.</summary>
    public NameLine[] GivenLine { get; }
    public NameLine[] SurnameLine { get; }
    public NameLine[] PatronymicLine { get; }
    public int[] GivenKey { get; }
    public int[] GivenPhonetic { get; }
    /// <summary>Keys of the full names a diminutive given name stands for.</summary>
    public int[][] GivenAlternateKeys { get; }
    public int[] SurnameKey { get; }
    public int[] SurnamePhonetic { get; }
    public int[] SurnameInitial { get; }
    public int[] PatronymicKey { get; }
    public PartialDate[] BirthDate { get; }
    public Sex[] Sex { get; }
    public PlaceRef[] BirthPlace { get; }
    /// <summary>The birthplace as the source wrote it (place, region), shown to reviewers.</summary>
    public string[] BirthPlaceText { get; }

    /// <summary>Interned folded values of the columns blocking rules name, by column.</summary>
    private Dictionary<string, int[]> ColumnKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Interned ids of everything a comparison reads of a record (for a name: its forms and keys; for a date: the
    /// date), equal for records the comparison cannot tell apart: comparisons memoize levels by them. A record's
    /// ids sit side by side (at record × <see cref="MemoFields"/> + field), so levelling a pair reads them from one
    /// cache line rather than one per field.
    /// </summary>
    public int[] MemoValueIds { get; }

    public const int MemoFields = 5;
    public const int GivenMemo = 0;
    public const int SurnameMemo = 1;
    public const int PatronymicMemo = 2;
    public const int BirthDateMemo = 3;
    public const int BirthPlaceMemo = 4;

    /// <summary>
    /// A per-record array regathered at the records' memo value ids of <paramref name="field"/>: records with one
    /// value hold one entry, so a memo miss reads an array as small as the field's distinct values, which stays in
    /// cache, not a random entry of one as long as the records. Every record with a value holds the same entry: the
    /// value id covers everything the entry says.
    /// </summary>
    public MemoValueArray<T> ByMemoValue<T>(T[] perRecord, int field, int valueCount)
    {
        var byValue = new T[valueCount];
        for (var record = 0; record < Count; record++)
        {
            byValue[MemoValueIds[record * MemoFields + field]] = perRecord[record];
        }
        return new MemoValueArray<T>(byValue, MemoValueIds, field);
    }

    /// <summary>Interned sibling group of each record (0: none), for sibling-cross blocking.</summary>
    private int[] SiblingGroupId { get; }

    /// <param name="keys">Interns blocking and comparison keys, shared by both sides.</param>
    /// <param name="values">Interns the comparisons' memo values, shared by both sides.</param>
    public static PreparedPeople Prepare(
        IReadOnlyList<PersonDetails> people, LinkEngine engine, KeyInterner keys, MemoValues values, ParallelOptions parallel)
    {
        var prepared = new PreparedPeople(people.Count);
        var analyses = new Analyses(engine, values);
        Parallel.For(0, people.Count, parallel, i => prepared.Fill(i, people[i], analyses, keys, values));
        foreach (var column in engine.BlockingRules.SelectMany(r => r.Columns).Distinct())
        {
            var read = ColumnValues.Reader(column);
            prepared.ColumnKeys[column] = people.Select(p => keys.Intern(Normalization.TextNormalizer.Fold(read(p)))).ToArray();
        }
        return prepared;
    }

    public int ColumnValue(string column, int record) => ColumnKeys[column][record];

    public int SiblingGroup(int record) => SiblingGroupId[record];

    public string NameSkeleton(NameKind kind, int record)
    {
        var forms = kind switch
        {
            NameKind.Given => Given[record],
            NameKind.Surname => Surname[record],
            _ => Patronymic[record],
        };
        return forms.IsMissing || forms.IsInitialOnly ? string.Empty : forms.Normalized;
    }

    public int Values(BlockingKeyPart part, int record, Span<int> values)
    {
        switch (part)
        {
            case BlockingKeyPart.GivenNameKey:
                var count = One(GivenKey[record], values);
                foreach (var alternate in GivenAlternateKeys[record])
                {
                    if (count < values.Length)
                    {
                        values[count++] = alternate;
                    }
                }
                return count;
            case BlockingKeyPart.GivenNamePhonetic:
                return One(GivenPhonetic[record], values);
            case BlockingKeyPart.SurnameKey:
                return Surname[record].IsInitialOnly ? 0 : One(SurnameKey[record], values);
            case BlockingKeyPart.SurnamePhonetic:
                return Surname[record].IsInitialOnly ? 0 : One(SurnamePhonetic[record], values);
            case BlockingKeyPart.SurnameInitial:
                return One(SurnameInitial[record], values);
            case BlockingKeyPart.PatronymicKey:
                return One(PatronymicKey[record], values);
            case BlockingKeyPart.BirthYear:
                return BirthYears(BirthDate[record], values);
            case BlockingKeyPart.BirthYearMonth:
                var date = BirthDate[record];
                // An age's span of months has no single month to block on; its years still block.
                return date.Month == 0 || date.RangeMonths > 0 ? 0 : One(date.Year * 100 + date.Month, values);
            case BlockingKeyPart.BirthMonth:
                var dated = BirthDate[record];
                return dated.Month == 0 || dated.RangeMonths > 0 ? 0 : One(dated.Month, values);
            case BlockingKeyPart.Sex:
                return One((int)Sex[record], values);
            default:
                throw new ArgumentOutOfRangeException(nameof(part), part, null);
        }
    }

    /// <summary>The birth year, or every year an age's span of months touches.</summary>
    private static int BirthYears(PartialDate date, Span<int> values)
    {
        if (date.IsMissing)
        {
            return 0;
        }
        var first = date.FirstMonthIndex / 12;
        var last = Math.Min(date.LastMonthIndex / 12, first + values.Length - 1);
        for (var year = first; year <= last; year++)
        {
            values[year - first] = year;
        }
        return last - first + 1;
    }

    private static int One(int value, Span<int> values)
    {
        if (value == 0)
        {
            return 0;
        }
        values[0] = value;
        return 1;
    }

    private void Fill(int i, PersonDetails person, Analyses analyses, KeyInterner keys, MemoValues values)
    {
        var (given, givenMemo) = analyses.Name(NameKind.Given, person.GivenName, person.Sex);
        var (surname, surnameMemo) = analyses.Name(NameKind.Surname, person.Surname, person.Sex);
        var (patronymic, patronymicMemo) = analyses.Name(NameKind.Patronymic, person.Patronymic, person.Sex);
        Given[i] = given;
        Surname[i] = surname;
        Patronymic[i] = patronymic;
        GivenKey[i] = keys.Intern(given.CanonicalKey);
        GivenPhonetic[i] = keys.Intern(given.PhoneticKey);
        GivenAlternateKeys[i] = given.DiminutiveOf.Select(keys.Intern).Where(k => k != 0).Distinct().Take(BlockKeys.MaxValuesPerPart - 1).ToArray();
        SurnameKey[i] = keys.Intern(surname.CanonicalKey);
        SurnamePhonetic[i] = keys.Intern(surname.PhoneticKey);
        SurnameInitial[i] = keys.Intern(surname.InitialKey);
        PatronymicKey[i] = keys.Intern(patronymic.CanonicalKey);
        GivenLine[i] = NameLine.Of(given, GivenKey[i], 0, GivenAlternateKeys[i], values.Spellings);
        SurnameLine[i] = NameLine.Of(surname, SurnameKey[i], SurnameInitial[i], [], values.Spellings);
        PatronymicLine[i] = NameLine.Of(patronymic, PatronymicKey[i], 0, [], values.Spellings);
        BirthDate[i] = person.BirthDate;
        SiblingGroupId[i] = keys.Intern(person.SiblingGroup);
        Sex[i] = person.Sex;
        BirthPlace[i] = analyses.Place(person.BirthPlace, person.BirthRegion);
        var memo = i * MemoFields;
        MemoValueIds[memo + GivenMemo] = givenMemo;
        MemoValueIds[memo + SurnameMemo] = surnameMemo;
        MemoValueIds[memo + PatronymicMemo] = patronymicMemo;
        MemoValueIds[memo + BirthDateMemo] = values.BirthDate.Intern(person.BirthDate.Packed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        MemoValueIds[memo + BirthPlaceMemo] = values.BirthPlace.Intern(PlaceText(BirthPlace[i]));
        BirthPlaceText[i] = string.Join(", ", new[] { person.BirthPlace, person.BirthRegion }.Where(t => !string.IsNullOrWhiteSpace(t)));
    }

    /// <summary>
    /// Name and birthplace analyses within one preparation, each done once per distinct value: thousands of records
    /// carry the same given name, patronymic or birthplace, and analysing one costs far more than looking it up.
    /// </summary>
    private sealed class Analyses(LinkEngine engine, MemoValues values)
    {
        private readonly ConcurrentDictionary<(NameKind, string?, Sex), (NameForms, int)> _names = new();
        private readonly ConcurrentDictionary<(string?, string?), PlaceRef> _places = new();

        /// <summary>The name's forms and their memo value id.</summary>
        public (NameForms Forms, int MemoId) Name(NameKind kind, string? raw, Sex sex) =>
            _names.GetOrAdd((kind, raw, sex), static (key, analyses) => analyses.Analyse(key.Item1, key.Item2, key.Item3), this);

        public PlaceRef Place(string? place, string? region) =>
            _places.GetOrAdd((place, region), static (key, places) => places.Resolve(key.Item1, key.Item2), engine.Places);

        private (NameForms, int) Analyse(NameKind kind, string? raw, Sex sex)
        {
            var forms = engine.Names.Analyse(raw, kind, sex);
            var memo = kind switch
            {
                NameKind.Given => values.Given,
                NameKind.Surname => values.Surname,
                _ => values.Patronymic,
            };
            return (forms, memo.Intern(ValueText(forms)));
        }
    }

    /// <summary>
    /// Every part of a resolved place that levelling reads, formatted by an interpolation handler
    /// (<see cref="FormattableString"/> boxed each part, for every record prepared).
    /// </summary>
    private static string PlaceText(Places.PlaceRef place) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{place.SettlementId}|{place.RaionId}|{place.OblastId}|{(int)place.Traits}|{place.NameKey}");

    /// <summary>Every part of a name's forms that levelling reads.</summary>
    private static string ValueText(NameForms forms) =>
        string.Join(
            '\u0001',
            $"{(forms.IsMissing ? 'm' : '-')}{(forms.IsInitialOnly ? 'i' : '-')}",
            forms.Normalized,
            forms.CanonicalKey,
            forms.InitialKey,
            string.Join('\u0002', forms.DiminutiveOf));
}
