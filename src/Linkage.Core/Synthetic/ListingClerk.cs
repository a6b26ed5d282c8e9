using Linkage.Dates;
using Linkage.Records;

namespace Linkage.Synthetic;

/// <summary>
/// Writes one listing profile as a Russian databank clerk would: Russified names, altered dates and places,
/// slips of the keyboard. Reference children and distractors go through the same clerical noise, so nothing
/// but the identity itself tells them apart.
/// </summary>
internal sealed class ListingClerk(AlterationDice dice, PopulationTables tables, SynthOptions options)
{
    public const string FederalSource = "federal-databank";
    public const string RegionalSource = "regional-databank";
    public const string OccupationSource = "occupation-databank";

    private static readonly (string Male, string Female)[] SexSpellings = [("м", "ж"), ("М", "Ж"), ("муж.", "жен."), ("мужской", "женский")];
    private static readonly DateStyle[] DateStyles = [DateStyle.Iso, DateStyle.Dotted, DateStyle.Dotted, DateStyle.RussianYearOfBirth];
    private static readonly string[] PlacementForms = ["усыновление", "опека", "приёмная семья", "опека, усыновление"];
    private static readonly string[] EyeColours = ["карие", "голубые", "серые", "зелёные"];
    private static readonly string[] HairColours = ["русые", "тёмные", "светлые", "рыжие", "каштановые"];
    private static readonly string[] HealthGroups = ["I", "II", "III", "IV", "V"];

    private readonly string[] _occupiedPlacements = [.. tables.Oblasts.Where(o => o.Key is "DON" or "LUH" or "ZAP" or "KHE").Select(o => o.OccupationLabels[0])];

    private SeededRandom Random => dice.Random;

    /// <summary>The names, date and birthplace the clerk starts from, already in Russian.</summary>
    private sealed record Sheet(Sex Sex, string Surname, string GivenName, string Patronymic, DateOnly BirthDate, string BirthPlace, string BirthRegion);

    public ListingRow RenderReferenceChild(UkrainianChild child, ChildDocuments documents, DateOnly scrapedOn, string profileId, string siblingGroup)
    {
        var sex = child.Sex;
        var databank = dice.Roll(Alteration.DatabankProfile);
        var givenName = documents.ReplacedGivenName ?? GivenName(child.Name);
        var surname = documents.AdoptiveSurname ?? Surname(child.Surname, sex, databank);
        var patronymic = string.Empty;
        var (place, region) = (string.Empty, string.Empty);
        if (!databank)
        {
            patronymic = dice.Roll(Alteration.PatronymicMissing) ? string.Empty
                : documents.ReplacedPatronymic
                  ?? (dice.Roll(Alteration.PatronymicLetterByLetter) ? Russification.Letters(child.Father.UkrainianFor(sex), DrawLetterStyle()) : child.Father.RussianFor(sex));
            (place, region) = documents.RussianBirthplace is { } moved ? (moved.Settlement, moved.Region) : OccupiedBirthplace(child.Birthplace);
        }
        var occupied = Random.Chance(options.OccupiedPlacementShare);
        return Write(new Sheet(sex, surname, givenName, patronymic, documents.BirthDate, place, region), databank, occupied, scrapedOn, profileId, siblingGroup);
    }

    public ListingRow RenderDistractor(RussianChild child, DateOnly scrapedOn, string profileId, string siblingGroup)
    {
        var databank = dice.Roll(Alteration.DatabankProfile);
        var patronymic = string.Empty;
        var (place, region) = (string.Empty, string.Empty);
        if (!databank)
        {
            patronymic = dice.Roll(Alteration.PatronymicMissing) ? string.Empty : child.Patronymic;
            (place, region) = child.OccupiedBirthplace is { } occupiedBirthplace ? OccupiedBirthplace(occupiedBirthplace)
                : dice.Roll(Alteration.BirthplaceMissing) ? (string.Empty, child.Birthplace.Region)
                : (child.Birthplace.Settlement, child.Birthplace.Region);
        }
        // Russian children are placed mostly in Russia, but occupation sites list their own children too.
        var occupied = Random.Chance(options.OccupiedPlacementShare / 2);
        return Write(new Sheet(child.Sex, child.Surname, child.GivenName, patronymic, child.BirthDate, place, region), databank, occupied, scrapedOn, profileId, siblingGroup);
    }

    private string GivenName(GivenName name)
    {
        if (dice.Roll(Alteration.GivenNameLetterByLetter))
        {
            return Russification.Letters(name.Ukrainian, DrawLetterStyle());
        }
        return name.RareRussianForms.Count > 0 && dice.Roll(Alteration.GivenNameRareRussianForm) ? Random.Pick(name.RareRussianForms) : name.Russian;
    }

    /// <summary>A databank profile shows only the initial, so only full profiles draw a spelling of the surname.</summary>
    private string Surname(Surname surname, Sex sex, bool databank)
    {
        if (!databank && dice.Roll(Alteration.SurnameUkrainianSpelling))
        {
            return surname.For(sex);
        }
        if (!databank && dice.Roll(Alteration.SurnameLetterByLetter))
        {
            return Russification.Letters(surname.For(sex), DrawLetterStyle());
        }
        return Russification.Surname(surname, sex);
    }

    private Russification.LetterStyle DrawLetterStyle() =>
        Random.Chance(0.5) ? Russification.LetterStyle.Visual : Russification.LetterStyle.Phonetic;

    /// <summary>A settlement in occupied territory as the Russian side writes it: Russian or Soviet name, a label, or nothing.</summary>
    private (string Place, string Region) OccupiedBirthplace(Settlement settlement)
    {
        var oblast = settlement.Oblast;
        var region = oblast.Key is "DON" or "LUH" && Random.Chance(0.5) ? oblast.OccupationLabels[0] : oblast.Russian;
        if (dice.Roll(Alteration.BirthplaceMissing))
        {
            return (string.Empty, region);
        }
        if (dice.Roll(Alteration.OccupationLabelOnly))
        {
            return (Random.Pick(oblast.OccupationLabels), Random.Chance(0.5) ? region : string.Empty);
        }
        var name = settlement.Soviet is { } soviet && dice.Roll(Alteration.SovietPlaceName) ? soviet : settlement.Russian;
        return (Random.Chance(0.1) ? "г. " + name : name, region);
    }

    private ListingRow Write(Sheet sheet, bool databank, bool occupiedPlacement, DateOnly scrapedOn, string profileId, string siblingGroup)
    {
        if (HasYo(sheet) && dice.Roll(Alteration.YoWrittenAsYe))
        {
            sheet = new Sheet(sheet.Sex, WithoutYo(sheet.Surname), WithoutYo(sheet.GivenName), WithoutYo(sheet.Patronymic), sheet.BirthDate,
                WithoutYo(sheet.BirthPlace), sheet.BirthRegion);
        }
        var (surname, givenName) = (sheet.Surname, sheet.GivenName);
        if (dice.Roll(Alteration.NameTypo))
        {
            if (databank || Random.Chance(0.5))
            {
                givenName = Typos.Apply(givenName, Typos.Layout.Russian, Random);
            }
            else
            {
                surname = Typos.Apply(surname, Typos.Layout.Russian, Random);
            }
        }
        if (databank && surname.Length > 0)
        {
            surname = Random.Chance(0.8) ? surname[..1] + "." : surname[..1];
        }
        var (birthDate, ageNote) = WriteBirthDate(sheet.BirthDate, databank, scrapedOn);
        var placement = occupiedPlacement ? Random.Pick(_occupiedPlacements) : tables.RussianPlaces.Pick(Random).Region;
        var source = databank ? FederalSource : occupiedPlacement ? OccupationSource : RegionalSource;
        var notes = string.Concat(
            "Форма устройства: ", Random.Pick(PlacementForms), "; глаза: ", Random.Pick(EyeColours),
            "; волосы: ", Random.Pick(HairColours), "; группа здоровья: ", Random.Pick(HealthGroups),
            siblingGroup.Length > 0 ? "; есть братья или сёстры" : string.Empty, ageNote);
        return new ListingRow(
            ListingId: string.Empty, source, ScrapedAt: string.Empty, surname, givenName, sheet.Patronymic, WriteSex(sheet.Sex),
            birthDate, sheet.BirthPlace, sheet.BirthRegion, placement, siblingGroup,
            string.Concat("https://", source, ".example/child/", profileId), notes);
    }

    private static bool HasYo(Sheet sheet) =>
        HasYo(sheet.Surname) || HasYo(sheet.GivenName) || HasYo(sheet.Patronymic) || HasYo(sheet.BirthPlace);

    private static bool HasYo(string text) => text.AsSpan().IndexOfAny('ё', 'Ё') >= 0;

    private static string WithoutYo(string text) => text.Replace('ё', 'е').Replace('Ё', 'Е');

    private (string Date, string AgeNote) WriteBirthDate(DateOnly birthDate, bool databank, DateOnly scrapedOn)
    {
        var date = birthDate;
        if (BirthDates.CanSwapDayAndMonth(date, scrapedOn) && dice.Roll(Alteration.DayMonthSwap))
        {
            date = BirthDates.SwapDayAndMonth(date);
        }
        if (dice.Roll(Alteration.YearOffByOne))
        {
            date = BirthDates.YearOffByOne(date, scrapedOn, Random);
        }
        if (dice.Roll(Alteration.DateDigitTypo))
        {
            if (BirthDates.DigitTypo(date, scrapedOn, Random) is { } typo)
            {
                date = typo;
            }
            else
            {
                dice.Retract(Alteration.DateDigitTypo);
            }
        }
        var written = BirthDates.Full(date);
        var ageNote = string.Empty;
        if (databank)
        {
            if (dice.Roll(Alteration.DateAgeOnly))
            {
                written = PartialDate.Missing;
                ageNote = "; возраст: " + BirthDates.RussianAge(BirthDates.AgeOn(date, scrapedOn));
            }
            else
            {
                written = BirthDates.Truncate(written, dice.Roll(Alteration.DateYearOnly) ? DatePrecision.Year : DatePrecision.YearMonth);
            }
        }
        else if (dice.Roll(Alteration.DateTruncated))
        {
            written = BirthDates.Truncate(written, Random.Chance(0.5) ? DatePrecision.Year : DatePrecision.YearMonth);
        }
        if (dice.Roll(Alteration.BirthDateMissing))
        {
            written = PartialDate.Missing;
        }
        return (BirthDates.Format(written, Random.Pick(DateStyles)), ageNote);
    }

    private string WriteSex(Sex sex)
    {
        if (dice.Roll(Alteration.SexMissing))
        {
            return string.Empty;
        }
        if (dice.Roll(Alteration.WrongSex))
        {
            sex = sex == Sex.Female ? Sex.Male : Sex.Female;
        }
        var spelling = Random.Pick(SexSpellings);
        return sex == Sex.Female ? spelling.Female : spelling.Male;
    }
}
