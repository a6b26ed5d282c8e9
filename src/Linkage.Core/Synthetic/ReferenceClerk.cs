using Linkage.Dates;
using Linkage.Records;

namespace Linkage.Synthetic;

/// <summary>The script a reporting body writes a family in.</summary>
internal enum ReferenceScript
{
    UkrainianCyrillic,
    /// <summary>KMU-2010 national transliteration (Oleksandr Lysenko).</summary>
    LatinKmu,
    /// <summary>Informal English from the Russian form (Alexander Lysenko).</summary>
    LatinInformal,
}

/// <summary>Writes a child as a Ukrainian register or NGO reports it, with that side's clerical noise.</summary>
internal sealed class ReferenceClerk(AlterationDice dice)
{
    /// <summary>When reports were compiled: a typo'd date may not be later than this.</summary>
    private static readonly DateOnly ReportedOn = new(2024, 1, 1);

    private static readonly string[] PrimaryBodies = ["Національне інформаційне бюро", "Служба у справах дітей", "Ювенальна поліція"];
    private static readonly string[] SecondBodies = ["Уповноважений з прав людини", "Громадська організація", "International body"];

    private static readonly (string Male, string Female)[] CyrillicSexSpellings = [("ч", "ж"), ("чол.", "жін."), ("чоловіча", "жіноча"), ("M", "F")];
    private static readonly (string Male, string Female)[] LatinSexSpellings = [("M", "F"), ("male", "female")];

    private static readonly DateStyle[] CyrillicDateStyles = [DateStyle.Iso, DateStyle.Dotted, DateStyle.UkrainianYearOfBirth];
    private static readonly DateStyle[] LatinDateStyles = [DateStyle.Iso, DateStyle.Dotted];

    private SeededRandom Random => dice.Random;

    /// <summary>Draws the script a body uses for one family report.</summary>
    public ReferenceScript DrawScript() =>
        dice.Roll(Alteration.ReferenceLatinKmu) ? ReferenceScript.LatinKmu
        : dice.Roll(Alteration.ReferenceLatinInformal) ? ReferenceScript.LatinInformal
        : ReferenceScript.UkrainianCyrillic;

    public ReferenceRow Render(UkrainianChild child, string recordId, ReferenceScript script, string siblingGroup, bool duplicate)
    {
        var surname = child.Surname.For(child.Sex);
        var givenName = child.Name.Ukrainian;
        var patronymic = dice.Roll(Alteration.ReferencePatronymicMissing) ? string.Empty : child.Father.UkrainianFor(child.Sex);
        if (dice.Roll(Alteration.ReferenceNameTypo))
        {
            var layout = Typos.Layout.Ukrainian;
            if (Random.Chance(0.5))
            {
                givenName = Typos.Apply(givenName, layout, Random);
            }
            else
            {
                surname = Typos.Apply(surname, layout, Random);
            }
        }
        var place = dice.Roll(Alteration.ReferenceBirthplaceMissing) ? string.Empty : child.Birthplace.Ukrainian;
        var region = child.Birthplace.Oblast.Ukrainian;
        switch (script)
        {
            case ReferenceScript.LatinKmu:
                (surname, givenName, patronymic) = (Transliteration.Kmu2010(surname), Transliteration.Kmu2010(givenName), Transliteration.Kmu2010(patronymic));
                (place, region) = (Transliteration.Kmu2010(place), Transliteration.Kmu2010(region));
                break;
            case ReferenceScript.LatinInformal:
                surname = Transliteration.InformalFromRussian(Russification.Surname(child.Surname, child.Sex));
                givenName = child.Name.English;
                patronymic = string.Empty;
                place = place.Length == 0 ? place : Transliteration.InformalFromRussian(child.Birthplace.Russian);
                region = Transliteration.InformalFromRussian(child.Birthplace.Oblast.Russian);
                break;
            default:
                if (place.Length > 0 && Random.Chance(0.1))
                {
                    place = "м. " + place;
                }
                break;
        }
        var spellings = script == ReferenceScript.UkrainianCyrillic ? CyrillicSexSpellings : LatinSexSpellings;
        var sexSpelling = Random.Pick(spellings);
        var bodies = duplicate ? SecondBodies : PrimaryBodies;
        return new ReferenceRow(
            recordId, surname, givenName, patronymic, child.Sex == Sex.Female ? sexSpelling.Female : sexSpelling.Male,
            WriteBirthDate(child.BirthDate, script), place, region, siblingGroup,
            "джерело: " + Random.Pick(bodies));
    }

    private string WriteBirthDate(DateOnly birthDate, ReferenceScript script)
    {
        var date = birthDate;
        if (dice.Roll(Alteration.ReferenceDateTypo))
        {
            if (BirthDates.DigitTypo(date, ReportedOn, Random) is { } typo)
            {
                date = typo;
            }
            else
            {
                dice.Retract(Alteration.ReferenceDateTypo);
            }
        }
        var written = BirthDates.Full(date);
        if (dice.Roll(Alteration.ReferencePartialDate))
        {
            written = BirthDates.Truncate(written, Random.Chance(0.5) ? DatePrecision.Year : DatePrecision.YearMonth);
        }
        var style = Random.Pick(script == ReferenceScript.UkrainianCyrillic ? CyrillicDateStyles : LatinDateStyles);
        return BirthDates.Format(written, style);
    }
}
