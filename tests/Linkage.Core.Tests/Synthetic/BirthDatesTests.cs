using Linkage.Dates;
using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

public class BirthDatesTests
{
    private static readonly DateOnly Observed = new(2024, 6, 1);

    [Theory]
    [InlineData(2014, 3, 7, nameof(DateStyle.Iso), "2014-03-07")]
    [InlineData(2014, 3, 7, nameof(DateStyle.Dotted), "07.03.2014")]
    [InlineData(2014, 3, 0, nameof(DateStyle.Dotted), "03.2014")]
    [InlineData(2014, 3, 0, nameof(DateStyle.Iso), "2014-03")]
    [InlineData(2014, 0, 0, nameof(DateStyle.RussianYearOfBirth), "2014 г.р.")]
    [InlineData(2014, 0, 0, nameof(DateStyle.UkrainianYearOfBirth), "2014 р.н.")]
    [InlineData(2014, 3, 7, nameof(DateStyle.RussianYearOfBirth), "07.03.2014")]
    [InlineData(0, 0, 0, nameof(DateStyle.Iso), "")]
    public void WrittenFormsAreTheContractForms(int year, int month, int day, string style, string expected)
    {
        var text = BirthDates.Format(new PartialDate(year, month, day), Enum.Parse<DateStyle>(style));
        Assert.Equal(expected, text);
        if (text.Length > 0)
        {
            Assert.Equal(new PartialDate(year, month, day), PartialDate.Parse(text, Observed, out var warning));
            Assert.Null(warning);
        }
    }

    [Fact]
    public void DayAndMonthSwapOnlyWhereBothReadAsAMonth()
    {
        Assert.True(BirthDates.CanSwapDayAndMonth(new DateOnly(2014, 3, 7), Observed));
        Assert.Equal(new DateOnly(2014, 7, 3), BirthDates.SwapDayAndMonth(new DateOnly(2014, 3, 7)));
        Assert.False(BirthDates.CanSwapDayAndMonth(new DateOnly(2014, 3, 13), Observed));
        Assert.False(BirthDates.CanSwapDayAndMonth(new DateOnly(2014, 5, 5), Observed));
        Assert.False(BirthDates.CanSwapDayAndMonth(new DateOnly(2024, 1, 12), Observed));
    }

    [Fact]
    public void DigitTyposChangeExactlyOneDigitAndStayRealPastDates()
    {
        var random = new SeededRandom(5);
        for (var i = 0; i < 2000; i++)
        {
            var date = DateOnly.FromDayNumber(new DateOnly(2005, 1, 1).DayNumber + random.NextInt(6000));
            var typo = BirthDates.DigitTypo(date, Observed, random);
            Assert.NotNull(typo);
            Assert.True(typo <= Observed);
            var before = date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var after = typo.Value.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(1, before.Zip(after).Count(pair => pair.First != pair.Second));
        }
    }

    [Fact]
    public void ShiftsStayWithinThreeMonths()
    {
        var random = new SeededRandom(6);
        var date = new DateOnly(2015, 6, 15);
        for (var i = 0; i < 1000; i++)
        {
            var shift = BirthDates.Shift(date, random).DayNumber - date.DayNumber;
            Assert.InRange(Math.Abs(shift), 1, 90);
        }
    }

    [Fact]
    public void YearOffByOneNeverLandsInTheFuture()
    {
        var random = new SeededRandom(8);
        var date = new DateOnly(2023, 12, 1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(new DateOnly(2022, 12, 1), BirthDates.YearOffByOne(date, Observed, random));
        }
    }

    [Theory]
    [InlineData(1, "1 год")]
    [InlineData(3, "3 года")]
    [InlineData(7, "7 лет")]
    [InlineData(11, "11 лет")]
    [InlineData(12, "12 лет")]
    [InlineData(21, "21 год")]
    public void AgesUseTheRussianPlural(int years, string expected) =>
        Assert.Equal(expected, BirthDates.RussianAge(years));

    [Fact]
    public void AgeCountsFullYears()
    {
        Assert.Equal(9, BirthDates.AgeOn(new DateOnly(2014, 6, 2), Observed));
        Assert.Equal(10, BirthDates.AgeOn(new DateOnly(2014, 6, 1), Observed));
    }
}
