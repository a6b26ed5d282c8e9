namespace Linkage.Synthetic;

/// <summary>
/// Settings of the synthetic corpus. Every rate is a probability in [0, 1] over the scope its
/// <see cref="Alteration"/> names; the defaults are the documented values below, chosen to follow DOMAIN.md
/// where it gives a figure and to be plausible elsewhere.
/// </summary>
public sealed record SynthOptions
{
    /// <summary>Children on the reference side. Default 2,000.</summary>
    public int Children { get; init; } = 2_000;
    /// <summary>Seed of the generator; the same seed writes byte-identical files. Default 1.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>Russian distractor children; null means <see cref="DistractorsPerChild"/> × <see cref="Children"/>.</summary>
    public int? Distractors { get; init; }
    /// <summary>Default 6, so 50,000 children give about one million listing rows.</summary>
    public int DistractorsPerChild { get; init; } = 6;
    /// <summary>Mean listing rows (scrapes) per listed child, at least 1 (geometric). Default 3.</summary>
    public double ListingsPerChild { get; init; } = 3;

    // Population.
    /// <summary>Share of reference families that appear in the listings. Default 0.5.</summary>
    public double ListedShare { get; init; } = 0.5;
    /// <summary>Share of children with siblings (so of listed children with siblings listed). Default 0.46 (Yale HRL: 46.6%).</summary>
    public double SiblingShare { get; init; } = 0.46;
    /// <summary>Share of families with siblings that include twins (a shared birth date). Default 0.1.</summary>
    public double TwinShare { get; init; } = 0.1;
    /// <summary>Share of distractors built to collide with a reference child (same name and birth year). Default 0.1.</summary>
    public double LookalikeShare { get; init; } = 0.1;
    /// <summary>Share of placement regions that are occupation labels (ДНР…) for reference children. Default 0.35.</summary>
    public double OccupiedPlacementShare { get; init; } = 0.35;

    // Reference side.
    /// <summary>Rate of <see cref="Alteration.ReferenceLatinKmu"/>; default 0.06.</summary>
    public double ReferenceLatinKmuRate { get; init; } = 0.06;
    /// <summary>Rate of <see cref="Alteration.ReferenceLatinInformal"/>; default 0.04.</summary>
    public double ReferenceLatinInformalRate { get; init; } = 0.04;
    /// <summary>Rate of <see cref="Alteration.ReferencePartialDate"/>; default 0.10.</summary>
    public double ReferencePartialDateRate { get; init; } = 0.10;
    /// <summary>Rate of <see cref="Alteration.ReferencePatronymicMissing"/>; default 0.10.</summary>
    public double ReferencePatronymicMissingRate { get; init; } = 0.10;
    /// <summary>Rate of <see cref="Alteration.ReferenceBirthplaceMissing"/>; default 0.05.</summary>
    public double ReferenceBirthplaceMissingRate { get; init; } = 0.05;
    /// <summary>Rate of <see cref="Alteration.ReferenceNameTypo"/>; default 0.02.</summary>
    public double ReferenceNameTypoRate { get; init; } = 0.02;
    /// <summary>Rate of <see cref="Alteration.ReferenceDateTypo"/>; default 0.01.</summary>
    public double ReferenceDateTypoRate { get; init; } = 0.01;
    /// <summary>Rate of <see cref="Alteration.DuplicateReport"/>; default 0.05.</summary>
    public double DuplicateReportRate { get; init; } = 0.05;

    // A listed child's documents.
    /// <summary>Rate of <see cref="Alteration.AdoptiveSurname"/>; default 0.08.</summary>
    public double AdoptiveSurnameRate { get; init; } = 0.08;
    /// <summary>Rate of <see cref="Alteration.ReplacedGivenName"/>; default 0.02.</summary>
    public double ReplacedGivenNameRate { get; init; } = 0.02;
    /// <summary>Rate of <see cref="Alteration.ReplacedPatronymic"/>; default 0.10.</summary>
    public double ReplacedPatronymicRate { get; init; } = 0.10;
    /// <summary>Rate of <see cref="Alteration.RussianBirthplace"/>; default 0.08.</summary>
    public double RussianBirthplaceRate { get; init; } = 0.08;
    /// <summary>Rate of <see cref="Alteration.OfficialDateShift"/>; default 0.05.</summary>
    public double OfficialDateShiftRate { get; init; } = 0.05;

    // The clerk's view of each listing profile.
    /// <summary>Rate of <see cref="Alteration.DatabankProfile"/>; default 0.5.</summary>
    public double DatabankProfileRate { get; init; } = 0.5;
    /// <summary>Rate of <see cref="Alteration.Relisting"/>; default 0.4.</summary>
    public double RelistingRate { get; init; } = 0.4;
    /// <summary>Rate of <see cref="Alteration.GivenNameLetterByLetter"/>; default 0.12.</summary>
    public double GivenNameLetterByLetterRate { get; init; } = 0.12;
    /// <summary>Rate of <see cref="Alteration.GivenNameRareRussianForm"/>; default 0.15.</summary>
    public double GivenNameRareRussianFormRate { get; init; } = 0.15;
    /// <summary>Rate of <see cref="Alteration.SurnameLetterByLetter"/>; default 0.04.</summary>
    public double SurnameLetterByLetterRate { get; init; } = 0.04;
    /// <summary>Rate of <see cref="Alteration.YoWrittenAsYe"/>; default 0.5.</summary>
    public double YoWrittenAsYeRate { get; init; } = 0.5;
    /// <summary>Rate of <see cref="Alteration.SurnameUkrainianSpelling"/>; default 0.02.</summary>
    public double SurnameUkrainianSpellingRate { get; init; } = 0.02;
    /// <summary>Rate of <see cref="Alteration.PatronymicLetterByLetter"/>; default 0.08.</summary>
    public double PatronymicLetterByLetterRate { get; init; } = 0.08;
    /// <summary>Rate of <see cref="Alteration.PatronymicMissing"/>; default 0.15.</summary>
    public double PatronymicMissingRate { get; init; } = 0.15;
    /// <summary>Rate of <see cref="Alteration.DayMonthSwap"/>; default 0.03.</summary>
    public double DayMonthSwapRate { get; init; } = 0.03;
    /// <summary>Rate of <see cref="Alteration.YearOffByOne"/>; default 0.02.</summary>
    public double YearOffByOneRate { get; init; } = 0.02;
    /// <summary>Rate of <see cref="Alteration.DateDigitTypo"/>; default 0.02.</summary>
    public double DateDigitTypoRate { get; init; } = 0.02;
    /// <summary>Rate of <see cref="Alteration.DateTruncated"/>; default 0.10.</summary>
    public double DateTruncatedRate { get; init; } = 0.10;
    /// <summary>Rate of <see cref="Alteration.DateAgeOnly"/>; default 0.10.</summary>
    public double DateAgeOnlyRate { get; init; } = 0.10;
    /// <summary>Rate of <see cref="Alteration.DateYearOnly"/>; default 0.25.</summary>
    public double DateYearOnlyRate { get; init; } = 0.25;
    /// <summary>Rate of <see cref="Alteration.BirthDateMissing"/>; default 0.02.</summary>
    public double BirthDateMissingRate { get; init; } = 0.02;
    /// <summary>Rate of <see cref="Alteration.SovietPlaceName"/>; default 0.6.</summary>
    public double SovietPlaceNameRate { get; init; } = 0.6;
    /// <summary>Rate of <see cref="Alteration.OccupationLabelOnly"/>; default 0.15.</summary>
    public double OccupationLabelOnlyRate { get; init; } = 0.15;
    /// <summary>Rate of <see cref="Alteration.BirthplaceMissing"/>; default 0.10.</summary>
    public double BirthplaceMissingRate { get; init; } = 0.10;
    /// <summary>Rate of <see cref="Alteration.NameTypo"/>; default 0.04.</summary>
    public double NameTypoRate { get; init; } = 0.04;
    /// <summary>Rate of <see cref="Alteration.WrongSex"/>; default 0.01.</summary>
    public double WrongSexRate { get; init; } = 0.01;
    /// <summary>Rate of <see cref="Alteration.SexMissing"/>; default 0.03.</summary>
    public double SexMissingRate { get; init; } = 0.03;

    /// <summary>The configured rate of <paramref name="kind"/>.</summary>
    public double RateOf(Alteration kind) => kind switch
    {
        Alteration.ReferenceLatinKmu => ReferenceLatinKmuRate,
        Alteration.ReferenceLatinInformal => ReferenceLatinInformalRate,
        Alteration.ReferencePartialDate => ReferencePartialDateRate,
        Alteration.ReferencePatronymicMissing => ReferencePatronymicMissingRate,
        Alteration.ReferenceBirthplaceMissing => ReferenceBirthplaceMissingRate,
        Alteration.ReferenceNameTypo => ReferenceNameTypoRate,
        Alteration.ReferenceDateTypo => ReferenceDateTypoRate,
        Alteration.DuplicateReport => DuplicateReportRate,
        Alteration.AdoptiveSurname => AdoptiveSurnameRate,
        Alteration.ReplacedGivenName => ReplacedGivenNameRate,
        Alteration.ReplacedPatronymic => ReplacedPatronymicRate,
        Alteration.RussianBirthplace => RussianBirthplaceRate,
        Alteration.OfficialDateShift => OfficialDateShiftRate,
        Alteration.DatabankProfile => DatabankProfileRate,
        Alteration.Relisting => RelistingRate,
        Alteration.GivenNameLetterByLetter => GivenNameLetterByLetterRate,
        Alteration.SurnameUkrainianSpelling => SurnameUkrainianSpellingRate,
        Alteration.GivenNameRareRussianForm => GivenNameRareRussianFormRate,
        Alteration.SurnameLetterByLetter => SurnameLetterByLetterRate,
        Alteration.YoWrittenAsYe => YoWrittenAsYeRate,
        Alteration.PatronymicLetterByLetter => PatronymicLetterByLetterRate,
        Alteration.PatronymicMissing => PatronymicMissingRate,
        Alteration.DayMonthSwap => DayMonthSwapRate,
        Alteration.YearOffByOne => YearOffByOneRate,
        Alteration.DateDigitTypo => DateDigitTypoRate,
        Alteration.DateTruncated => DateTruncatedRate,
        Alteration.DateAgeOnly => DateAgeOnlyRate,
        Alteration.DateYearOnly => DateYearOnlyRate,
        Alteration.BirthDateMissing => BirthDateMissingRate,
        Alteration.SovietPlaceName => SovietPlaceNameRate,
        Alteration.OccupationLabelOnly => OccupationLabelOnlyRate,
        Alteration.BirthplaceMissing => BirthplaceMissingRate,
        Alteration.NameTypo => NameTypoRate,
        Alteration.WrongSex => WrongSexRate,
        Alteration.SexMissing => SexMissingRate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Distractor children actually generated.</summary>
    public int DistractorCount => Distractors ?? (int)Math.Clamp((long)DistractorsPerChild * Children, int.MinValue, int.MaxValue);

    /// <summary>Throws when a count or rate is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Children);
        ArgumentOutOfRangeException.ThrowIfNegative(DistractorCount);
        if (!(ListingsPerChild >= 1 && ListingsPerChild <= 50))
        {
            throw new ArgumentOutOfRangeException(nameof(ListingsPerChild), ListingsPerChild, "must be between 1 and 50");
        }
        foreach (var (name, value) in new (string, double)[]
                 {
                     (nameof(ListedShare), ListedShare), (nameof(SiblingShare), SiblingShare),
                     (nameof(TwinShare), TwinShare), (nameof(LookalikeShare), LookalikeShare),
                     (nameof(OccupiedPlacementShare), OccupiedPlacementShare),
                 })
        {
            CheckProbability(name, value);
        }
        foreach (var kind in Enum.GetValues<Alteration>())
        {
            CheckProbability(kind.ToString(), RateOf(kind));
        }
        if (SiblingShare >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SiblingShare), SiblingShare, "must be below 1");
        }
    }

    private static void CheckProbability(string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "a rate must be between 0 and 1");
        }
    }
}
