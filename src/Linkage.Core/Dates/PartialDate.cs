using System.Globalization;

namespace Linkage.Dates;

/// <summary>How much of a date a source gave.</summary>
public enum DatePrecision : byte
{
    Missing = 0,
    Year = 1,
    YearMonth = 2,
    Day = 3,
    /// <summary>A span of whole months, from an age on a listing ("3 года" read on the scrape date).</summary>
    MonthRange = 4,
}

/// <summary>
/// A birth date known to the year, the month or the day, or a span of months implied by an age.
/// Month and day are 0 when unknown. A span starts at <see cref="Year"/>-<see cref="Month"/> and covers
/// <see cref="RangeMonths"/> further months. Packs into one integer (<see cref="Packed"/>) for the hot path.
/// </summary>
public readonly partial record struct PartialDate(int Year, int Month, int Day)
{
    public static PartialDate Missing => default;

    /// <summary>
    /// Months after the first one that a span covers; 0 for an ordinary date. An age covers at most 12
    /// (and <see cref="Packed"/> holds up to 20).
    /// </summary>
    public int RangeMonths { get; init; }

    public DatePrecision Precision =>
        Year == 0 ? DatePrecision.Missing
        : RangeMonths > 0 ? DatePrecision.MonthRange
        : Month == 0 ? DatePrecision.Year
        : Day == 0 ? DatePrecision.YearMonth
        : DatePrecision.Day;

    public bool IsMissing => Year == 0;

    /// <summary>
    /// rryyyymmdd: yyyymmdd with zeros for unknown parts, plus <see cref="RangeMonths"/> × 10⁸ for a span;
    /// 0 when missing. Ordinary dates keep the plain yyyymmdd value.
    /// </summary>
    public int Packed => RangeMonths * 100_000_000 + Year * 10000 + Month * 100 + Day;

    public static PartialDate FromPacked(int packed) =>
        new(packed / 10000 % 10000, packed / 100 % 100, packed % 100) { RangeMonths = packed / 100_000_000 };

    /// <summary>A span of months from <paramref name="first"/> to <paramref name="last"/> (day ignored).</summary>
    internal static PartialDate MonthSpan(DateOnly first, DateOnly last)
    {
        var months = MonthIndex(last.Year, last.Month) - MonthIndex(first.Year, first.Month);
        return months == 0
            ? new PartialDate(first.Year, first.Month, 0)
            : new PartialDate(first.Year, first.Month, 0) { RangeMonths = months };
    }

    /// <summary>Months since year 0; the unit of every span comparison.</summary>
    internal static int MonthIndex(int year, int month) => year * 12 + month - 1;

    /// <summary>First month index the value can be (the whole year for a year-only date).</summary>
    internal int FirstMonthIndex => MonthIndex(Year, Month == 0 ? 1 : Month);

    /// <summary>Last month index the value can be.</summary>
    internal int LastMonthIndex => Month == 0 ? MonthIndex(Year, 12) : MonthIndex(Year, Month) + RangeMonths;

    /// <summary>ISO-style text at the date's own precision: 2014, 2014-03, 2014-03-12, 2013-11/2014-11, or empty.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.YearMonth => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.MonthRange => string.Create(
            CultureInfo.InvariantCulture,
            $"{Year:D4}-{Month:D2}/{LastMonthIndex / 12:D4}-{LastMonthIndex % 12 + 1:D2}"),
        _ => string.Empty,
    };
}
