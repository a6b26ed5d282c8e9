using Linkage.Dates;

namespace Linkage.Tests.Dates;

public class DateComparisonTests
{
    private static readonly DateOnly ScrapedOn = new(2026, 11, 24);

    private static DateLevel Compare(string a, string b)
    {
        var left = PartialDate.Parse(a, ScrapedOn, out var warningA);
        var right = PartialDate.Parse(b, ScrapedOn, out var warningB);
        Assert.True(warningA is null || left.IsMissing);
        Assert.True(warningB is null || right.IsMissing);
        var level = DateComparison.Compare(left, right);
        Assert.Equal(level, DateComparison.Compare(right, left));
        return level;
    }

    [Theory]
    [InlineData("2014-03-12", "12.03.2014", DateLevel.Exact)]
    [InlineData("2014-03-12", "12 березня 2014", DateLevel.Exact)]
    [InlineData("2014-03-12", "март 2014 г.", DateLevel.SameMonthAtSharedPrecision)]
    [InlineData("2014-03", "03.2014", DateLevel.SameMonthAtSharedPrecision)]
    [InlineData("2014-03-12", "2014 г.р.", DateLevel.SameYearAtSharedPrecision)]
    [InlineData("2014-03", "2014", DateLevel.SameYearAtSharedPrecision)]
    [InlineData("2014", "2015", DateLevel.Disagree)]
    [InlineData("2014-03", "2015", DateLevel.Disagree)]
    public void PartialDatesAgreeAtTheSharedPrecision(string a, string b, DateLevel expected)
    {
        Assert.Equal(expected, Compare(a, b));
    }

    [Theory]
    [InlineData("2014-03-12", "2014-06-12", DateLevel.WithinThreeMonths)]
    [InlineData("2014-03-12", "2014-01-02", DateLevel.WithinThreeMonths)]
    [InlineData("2013-12-20", "2014-02-10", DateLevel.WithinThreeMonths)]
    [InlineData("2014-03-12", "2014-06-13", DateLevel.SameYearOnly)]
    [InlineData("2014-03", "2014-06", DateLevel.WithinThreeMonths)]
    [InlineData("2014-03", "2014-06-30", DateLevel.WithinThreeMonths)]
    [InlineData("2013-11", "2014-02", DateLevel.WithinThreeMonths)]
    public void TheLegalShiftOfUpToThreeMonths(string a, string b, DateLevel expected)
    {
        Assert.Equal(expected, Compare(a, b));
    }

    [Theory]
    [InlineData("2014-01-11", "2014-11-01", DateLevel.DayMonthSwapped)]
    [InlineData("01.12.2014", "2014-01-12", DateLevel.DayMonthSwapped)]
    // A swap that is also a small shift is reported as the shift (the stronger level wins).
    [InlineData("2014-03-05", "2014-05-03", DateLevel.WithinThreeMonths)]
    public void DayMonthSwaps(string a, string b, DateLevel expected)
    {
        Assert.Equal(expected, Compare(a, b));
    }

    [Theory]
    [InlineData("2014-03-12", "2015-03-12", DateLevel.YearOffByOneSameDayMonth)]
    [InlineData("2019-07-04", "2020-07-04", DateLevel.YearOffByOneSameDayMonth)]
    [InlineData("2014-07", "2013-07", DateLevel.YearOffByOneSameDayMonth)]
    [InlineData("2009-03-12", "2011-03-12", DateLevel.Disagree)]
    public void YearOffByOneWithDayAndMonthKept(string a, string b, DateLevel expected)
    {
        Assert.Equal(expected, Compare(a, b));
    }

    [Theory]
    [InlineData("2014-03-12", "2014-08-12", DateLevel.OneDigitTypo)]
    [InlineData("2014-03-12", "2017-03-12", DateLevel.OneDigitTypo)]
    [InlineData("2010-03-12", "2001-03-12", DateLevel.OneDigitTypo)]
    [InlineData("2014-03", "2014-08", DateLevel.OneDigitTypo)]
    [InlineData("2014-03-12", "2014-09-22", DateLevel.SameYearOnly)]
    [InlineData("2014-03-12", "2011-07-12", DateLevel.Disagree)]
    public void OneDigitTypos(string a, string b, DateLevel expected)
    {
        Assert.Equal(expected, Compare(a, b));
    }

    [Theory]
    [InlineData("2014-01-15", "2014-12-20", DateLevel.SameYearOnly)]
    [InlineData("2014-01", "2014-12", DateLevel.SameYearOnly)]
    [InlineData("2014-01-15", "2012-12-20", DateLevel.Disagree)]
    public void SameYearOnlyAndDisagreement(string a, string b, DateLevel expected)
    {
        Assert.Equal(expected, Compare(a, b));
    }

    [Theory]
    // "3 года" on 2026-11-24 spans 2022-11 … 2023-11.
    [InlineData("3 года", "2023-05-01", DateLevel.WithinStatedAge)]
    [InlineData("3 года", "2022-11-30", DateLevel.WithinStatedAge)]
    [InlineData("3 года", "2022", DateLevel.WithinStatedAge)]
    [InlineData("3 года", "2024-02-01", DateLevel.WithinThreeMonths)]
    [InlineData("3 года", "2022-07", DateLevel.Disagree)]
    [InlineData("3 года", "2 роки", DateLevel.WithinStatedAge)]
    [InlineData("8 месяцев", "2026-03-10", DateLevel.WithinStatedAge)]
    public void AgesOnListings(string a, string b, DateLevel expected)
    {
        Assert.Equal(expected, Compare(a, b));
    }

    [Theory]
    [InlineData("", "2014-03-12")]
    [InlineData("2014-02-30", "2014-03-12")]
    [InlineData("", "")]
    public void MissingOrImpossibleIsMissingNotDisagreement(string a, string b)
    {
        Assert.Equal(DateLevel.Missing, Compare(a, b));
    }

    [Fact]
    public void LevelsAreDistinctAndOrderedStrongestFirst()
    {
        var levels = Enum.GetValues<DateLevel>();
        Assert.Equal(levels.Length, levels.Select(level => (int)level).Distinct().Count());
        Assert.True(DateLevel.Exact < DateLevel.WithinThreeMonths);
        Assert.True(DateLevel.WithinThreeMonths < DateLevel.DayMonthSwapped);
        Assert.True(DateLevel.OneDigitTypo < DateLevel.SameYearOnly);
        Assert.Equal(DateLevel.Missing, levels.Max());
    }

    [Fact]
    public void AgreesWithANaiveReadingOnRandomDates()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 5000; i++)
        {
            var a = RandomDay(random);
            var b = random.Next(3) == 0 ? a.AddDays(random.Next(-120, 121)) : RandomDay(random);
            var level = DateComparison.Compare(new PartialDate(a.Year, a.Month, a.Day), new PartialDate(b.Year, b.Month, b.Day));
            Assert.Equal(NaiveLevel(a, b), level);
        }
    }

    private static DateOnly RandomDay(Random random) => new DateOnly(2005, 1, 1).AddDays(random.Next(0, 365 * 15));

    /// <summary>The levels read straight from their definitions, on strings.</summary>
    private static DateLevel NaiveLevel(DateOnly a, DateOnly b)
    {
        if (a == b)
        {
            return DateLevel.Exact;
        }
        var (lo, hi) = a < b ? (a, b) : (b, a);
        if (hi <= lo.AddMonths(3))
        {
            return DateLevel.WithinThreeMonths;
        }
        if (a.Year == b.Year && a.Day == b.Month && a.Month == b.Day)
        {
            return DateLevel.DayMonthSwapped;
        }
        if (Math.Abs(a.Year - b.Year) == 1 && a.Month == b.Month && a.Day == b.Day)
        {
            return DateLevel.YearOffByOneSameDayMonth;
        }
        var x = a.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var y = b.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var differences = Enumerable.Range(0, 8).Where(i => x[i] != y[i]).ToArray();
        var typo = differences.Length == 1
            || (differences.Length == 2 && differences[1] == differences[0] + 1
                && x[differences[0]] == y[differences[1]] && x[differences[1]] == y[differences[0]]);
        if (typo)
        {
            return DateLevel.OneDigitTypo;
        }
        return a.Year == b.Year ? DateLevel.SameYearOnly : DateLevel.Disagree;
    }
}

public class DateComparisonAllocationTests
{
    [Fact]
    public void ComparingAllocatesNothing()
    {
        var observed = new DateOnly(2026, 11, 24);
        PartialDate[] dates =
        [
            new(2014, 3, 12), new(2014, 5, 3), new(2015, 3, 12), new(2014, 3, 0), new(2014, 0, 0),
            PartialDate.Parse("3 года", observed, out _), PartialDate.Missing, new(2010, 3, 12), new(2001, 3, 12),
        ];
        var counts = new int[Enum.GetValues<DateLevel>().Length];
        var allocated = SteadyState.AllocatedBytes(() =>
        {
            for (var round = 0; round < 1000; round++)
            {
                Count(dates, counts);
            }
        });
        Assert.Equal(0, allocated);
    }

    private static void Count(PartialDate[] dates, int[] counts)
    {
        foreach (var a in dates)
        {
            foreach (var b in dates)
            {
                counts[(int)DateComparison.Compare(a, b)]++;
            }
        }
    }

    [Fact]
    public void Three_months_apart_is_counted_as_DateOnly_counts_months()
    {
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var dayA = DateOnly.FromDayNumber(random.Next(new DateOnly(1995, 1, 1).DayNumber, new DateOnly(2025, 12, 31).DayNumber));
            // Mostly near each other, around month ends and the turn of the year.
            var dayB = dayA.AddDays(random.Next(-130, 131));
            var (earlier, later) = dayA < dayB ? (dayA, dayB) : (dayB, dayA);
            var expected = later <= earlier.AddMonths(3);
            var a = new PartialDate(dayA.Year, dayA.Month, dayA.Day);
            var b = new PartialDate(dayB.Year, dayB.Month, dayB.Day);
            Assert.Equal(expected, DateComparison.WithinThreeMonths(a, b));
            Assert.Equal(expected, DateComparison.WithinThreeMonths(b, a));
        }
    }
}
