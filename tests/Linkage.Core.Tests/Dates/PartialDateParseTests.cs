using Linkage.Dates;

namespace Linkage.Tests.Dates;

public class PartialDateParseTests
{
    private static readonly DateOnly ScrapedOn = new(2026, 11, 24);

    private static PartialDate Parse(string? text) => Parse(text, out _);

    private static PartialDate Parse(string? text, out string? warning) => PartialDate.Parse(text, ScrapedOn, out warning);

    [Theory]
    [InlineData("2014", 2014, 0, 0)]
    [InlineData("2014-03", 2014, 3, 0)]
    [InlineData("2014-03-12", 2014, 3, 12)]
    [InlineData("2014-3-2", 2014, 3, 2)]
    [InlineData("20140312", 2014, 3, 12)]
    [InlineData("12.03.2014", 2014, 3, 12)]
    [InlineData("12/03/2014", 2014, 3, 12)]
    [InlineData("03.2014", 2014, 3, 0)]
    [InlineData(" 2014 г.р. ", 2014, 0, 0)]
    [InlineData("2014 г. р.", 2014, 0, 0)]
    [InlineData("2014 р.н.", 2014, 0, 0)]
    [InlineData("2014 года рождения", 2014, 0, 0)]
    [InlineData("2014 року народження", 2014, 0, 0)]
    [InlineData("Дата рождения: 12.03.2014", 2014, 3, 12)]
    [InlineData("д.р. 12.03.2014", 2014, 3, 12)]
    [InlineData("Год рождения: 2014", 2014, 0, 0)]
    [InlineData("Date of birth: 2014-03-12", 2014, 3, 12)]
    [InlineData("2014-03-12T00:00:00", 2014, 3, 12)]
    [InlineData("2014-03-12 00:00:00+03:00", 2014, 3, 12)]
    [InlineData("12.03.2014 0:00:00", 2014, 3, 12)]
    public void ReadsEveryNumericContractForm(string text, int year, int month, int day)
    {
        Assert.Equal(new PartialDate(year, month, day), Parse(text, out var warning));
        Assert.Null(warning);
    }

    [Theory]
    [InlineData("12 марта 2014", 2014, 3, 12)]
    [InlineData("12 МАРТА 2014 г.", 2014, 3, 12)]
    [InlineData("март 2014 г.", 2014, 3, 0)]
    [InlineData("в марте 2014", 2014, 3, 0)]
    [InlineData("1 мая 2015", 2015, 5, 1)]
    [InlineData("май 2015", 2015, 5, 0)]
    [InlineData("3 сент. 2013", 2013, 9, 3)]
    [InlineData("25 декабря 2012 года", 2012, 12, 25)]
    [InlineData("июнь 2016", 2016, 6, 0)]
    [InlineData("18 июля 2016", 2016, 7, 18)]
    [InlineData("1 февраля 2011", 2011, 2, 1)]
    public void ReadsRussianMonthNames(string text, int year, int month, int day)
    {
        if (text.StartsWith('в'))
        {
            // A preposition is not part of the contract: the date is refused, not guessed.
            Assert.True(Parse(text, out var refused).IsMissing);
            Assert.NotNull(refused);
            return;
        }
        Assert.Equal(new PartialDate(year, month, day), Parse(text, out var warning));
        Assert.Null(warning);
    }

    [Theory]
    [InlineData("березень 2014", 2014, 3, 0)]
    [InlineData("12 березня 2014", 2014, 3, 12)]
    [InlineData("12 березня 2014 р.", 2014, 3, 12)]
    [InlineData("у листопаді 2013", 0, 0, 0)]
    [InlineData("листопад 2013", 2013, 11, 0)]
    [InlineData("5 лютого 2012", 2012, 2, 5)]
    [InlineData("квітень 2015", 2015, 4, 0)]
    [InlineData("9 травня 2015 року", 2015, 5, 9)]
    [InlineData("30 вересня 2010", 2010, 9, 30)]
    [InlineData("серпень 2017", 2017, 8, 0)]
    [InlineData("1 січня 2018", 2018, 1, 1)]
    [InlineData("грудень 2019", 2019, 12, 0)]
    [InlineData("жовтня 2008", 2008, 10, 0)]
    [InlineData("21 червня 2009", 2009, 6, 21)]
    [InlineData("липень 2011", 2011, 7, 0)]
    public void ReadsUkrainianMonthNames(string text, int year, int month, int day)
    {
        Assert.Equal(new PartialDate(year, month, day), Parse(text));
    }

    [Theory]
    [InlineData("March 12, 2014", 2014, 3, 12)]
    [InlineData("12 Mar 2014", 2014, 3, 12)]
    public void ReadsEnglishMonthNames(string text, int year, int month, int day)
    {
        Assert.Equal(new PartialDate(year, month, day), Parse(text));
    }

    [Theory]
    // "3 года" on 2026-11-24: born 2022-11-25 … 2023-11-24.
    [InlineData("3 года", "2022-11/2023-11")]
    [InlineData("3 г.", "2022-11/2023-11")]
    [InlineData("2 роки", "2023-11/2024-11")]
    [InlineData("5 лет", "2020-11/2021-11")]
    [InlineData("1 рік", "2024-11/2025-11")]
    // "1 год 5 месяцев": born 2025-05-25 … 2025-06-24.
    [InlineData("1 год 5 месяцев", "2025-05/2025-06")]
    [InlineData("1 г. 5 мес.", "2025-05/2025-06")]
    [InlineData("8 месяцев", "2026-02/2026-03")]
    [InlineData("3 місяці", "2026-07/2026-08")]
    [InlineData("10 місяців", "2025-12/2026-01")]
    [InlineData("3 years", "2022-11/2023-11")]
    public void ResolvesAgesAgainstTheScrapeDate(string text, string span)
    {
        var date = Parse(text, out var warning);
        Assert.Null(warning);
        Assert.Equal(DatePrecision.MonthRange, date.Precision);
        Assert.Equal(span, date.ToString());
    }

    [Fact]
    public void AnAgeOnTheFirstOfTheMonthCoversOneCalendarMonth()
    {
        // Born 2026-01-02 … 2026-02-01 spans two calendar months; born 2025-12-02 … 2026-01-01 likewise.
        var date = PartialDate.Parse("10 месяцев", new DateOnly(2026, 11, 1), out _);
        Assert.Equal("2025-12/2026-01", date.ToString());
    }

    [Fact]
    public void AnAgeWithoutAScrapeDateIsMissingWithAWarning()
    {
        Assert.True(PartialDate.Parse("3 года", null, out var warning).IsMissing);
        Assert.Contains("age", warning);
    }

    [Theory]
    [InlineData("2014-02-30", "does not exist")]
    [InlineData("30.02.2014", "does not exist")]
    [InlineData("2015-02-29", "does not exist")]
    [InlineData("31 апреля 2014", "does not exist")]
    [InlineData("2014-13", "month 13")]
    [InlineData("13.13.2014", "month 13")]
    [InlineData("2027", "future")]
    [InlineData("2026-12", "future")]
    [InlineData("25.11.2026", "future")]
    [InlineData("1989", "before 1990")]
    [InlineData("12.03.1985", "before 1990")]
    [InlineData("30 лет", "impossible")]
    [InlineData("1 год 14 месяцев", "impossible")]
    [InlineData("вчера", "unreadable")]
    [InlineData("2014-03-12-01", "unreadable")]
    [InlineData("12 марта", "unreadable")]
    [InlineData("123456789012", "unreadable")]
    public void ImpossibleValuesAreMissingWithAReason(string text, string reason)
    {
        var date = Parse(text, out var warning);
        Assert.True(date.IsMissing);
        Assert.NotNull(warning);
        Assert.Contains(reason, warning);
    }

    [Fact]
    public void LeapDayAndTheScrapeDayItselfAreValid()
    {
        Assert.Equal(new PartialDate(2016, 2, 29), Parse("29.02.2016"));
        Assert.Equal(new PartialDate(2026, 11, 24), Parse("2026-11-24"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankIsMissingWithoutWarning(string? text)
    {
        Assert.True(Parse(text, out var warning).IsMissing);
        Assert.Null(warning);
    }

    [Fact]
    public void HostileTextNeverThrows()
    {
        string[] hostile =
        [
            new string('9', 100_000), "\0\0\0", "2014\0-03", "١٢.٠٣.٢٠١٤", "2014-03-12\u202E", "𝟚𝟘𝟙𝟜",
            "99.99.9999", "00.00.0000", "2014-00-00", string.Concat(Enumerable.Repeat("1 ", 40)),
        ];
        foreach (var text in hostile)
        {
            var date = Parse(text, out var warning);
            Assert.True(date.IsMissing || warning is null);
        }
    }

    [Fact]
    public void ZeroMonthAndDayMeanUnknown()
    {
        Assert.Equal(new PartialDate(2014, 0, 0), Parse("2014-00-00"));
        Assert.True(Parse("2014-00-05", out var warning).IsMissing);
        Assert.NotNull(warning);
    }

    [Theory]
    [InlineData("2014-03-12")]
    [InlineData("2014-03")]
    [InlineData("2014")]
    [InlineData("3 года")]
    public void PackedRoundTrips(string text)
    {
        var date = Parse(text);
        Assert.Equal(date, PartialDate.FromPacked(date.Packed));
    }

    [Fact]
    public void OrdinaryDatesPackAsYyyymmdd()
    {
        Assert.Equal(20140312, new PartialDate(2014, 3, 12).Packed);
        Assert.Equal(0, PartialDate.Missing.Packed);
    }
}
