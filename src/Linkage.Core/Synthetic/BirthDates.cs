using System.Globalization;
using Linkage.Dates;

namespace Linkage.Synthetic;

/// <summary>How a birth date is written: the forms the data contract accepts and real files mix.</summary>
internal enum DateStyle
{
    /// <summary>2014-03-07, 2014-03, 2014.</summary>
    Iso,
    /// <summary>07.03.2014, 03.2014, 2014.</summary>
    Dotted,
    /// <summary>"2014 г.р." (Russian) for a year alone; otherwise as <see cref="Dotted"/>.</summary>
    RussianYearOfBirth,
    /// <summary>"2014 р.н." (Ukrainian) for a year alone; otherwise as <see cref="Dotted"/>.</summary>
    UkrainianYearOfBirth,
}

/// <summary>Clerical alterations of birth dates and their written forms. Every result is a real calendar date.</summary>
internal static class BirthDates
{
    public static string Format(PartialDate date, DateStyle style) => (date.Precision, style) switch
    {
        (DatePrecision.Missing, _) => string.Empty,
        (_, DateStyle.Iso) => date.ToString(),
        (DatePrecision.Year, DateStyle.RussianYearOfBirth) => string.Create(CultureInfo.InvariantCulture, $"{date.Year} г.р."),
        (DatePrecision.Year, DateStyle.UkrainianYearOfBirth) => string.Create(CultureInfo.InvariantCulture, $"{date.Year} р.н."),
        (DatePrecision.Year, _) => date.Year.ToString("D4", CultureInfo.InvariantCulture),
        (DatePrecision.YearMonth, _) => string.Create(CultureInfo.InvariantCulture, $"{date.Month:D2}.{date.Year:D4}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{date.Day:D2}.{date.Month:D2}.{date.Year:D4}"),
    };

    public static PartialDate Full(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static PartialDate Truncate(PartialDate date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date with { Month = 0, Day = 0 },
        DatePrecision.YearMonth => date with { Day = 0 },
        _ => date,
    };

    /// <summary>A move of 1 to 90 days either way (Family Code art. 135 allows up to three months).</summary>
    public static DateOnly Shift(DateOnly date, SeededRandom random)
    {
        var days = random.NextInt(1, 90);
        return date.AddDays(random.Chance(0.5) ? days : -days);
    }

    public static bool CanSwapDayAndMonth(DateOnly date, DateOnly observedOn) =>
        date.Day <= 12 && date.Day != date.Month && new DateOnly(date.Year, date.Day, date.Month) <= observedOn;

    public static DateOnly SwapDayAndMonth(DateOnly date) => new(date.Year, date.Day, date.Month);

    /// <summary>The year one off, later when that is not in the future, else earlier; 29 February becomes the 28th.</summary>
    public static DateOnly YearOffByOne(DateOnly date, DateOnly observedOn, SeededRandom random)
    {
        var step = random.Chance(0.5) ? 1 : -1;
        var shifted = date.AddYears(step);
        return shifted <= observedOn ? shifted : date.AddYears(-step);
    }

    /// <summary>One digit of yyyymmdd changed so that the result is still a real, past date; null if none was found.</summary>
    public static DateOnly? DigitTypo(DateOnly date, DateOnly observedOn, SeededRandom random)
    {
        var digits = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture).ToCharArray();
        for (var attempt = 0; attempt < 24; attempt++)
        {
            var position = random.NextInt(2, digits.Length - 1);
            var original = digits[position];
            digits[position] = (char)('0' + (original - '0' + random.NextInt(1, 9)) % 10);
            var year = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
            var month = (digits[4] - '0') * 10 + (digits[5] - '0');
            var day = (digits[6] - '0') * 10 + (digits[7] - '0');
            digits[position] = original;
            if (year >= 1990 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                var typo = new DateOnly(year, month, day);
                if (typo <= observedOn)
                {
                    return typo;
                }
            }
        }
        return null;
    }

    /// <summary>Full years of age on <paramref name="on"/>.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return on < birth.AddYears(age) ? age - 1 : age;
    }

    /// <summary>"7 лет", "1 год", "3 года": the Russian plural a databank prints.</summary>
    public static string RussianAge(int years)
    {
        var lastTwo = years % 100;
        var last = years % 10;
        var word = lastTwo is >= 11 and <= 14 ? "лет" : last switch { 1 => "год", 2 or 3 or 4 => "года", _ => "лет" };
        return string.Create(CultureInfo.InvariantCulture, $"{years} {word}");
    }
}
