namespace Linkage.Dates;

/// <summary>
/// How two birth dates relate, ordered from the strongest evidence of one child to the weakest.
/// When several levels describe a pair, the first in this order wins (<see cref="DateComparison"/>):
/// a day/month swap that is also within three months is <see cref="WithinThreeMonths"/>, a one-day slip is
/// <see cref="WithinThreeMonths"/> rather than <see cref="OneDigitTypo"/>.
/// </summary>
public enum DateLevel : byte
{
    /// <summary>Both full dates, equal.</summary>
    Exact = 0,
    /// <summary>Same year and month where at least one side stops at the month.</summary>
    SameMonthAtSharedPrecision = 1,
    /// <summary>Same year where at least one side gives only the year.</summary>
    SameYearAtSharedPrecision = 2,
    /// <summary>One side is an age's span of months and the other falls inside it (or the spans overlap).</summary>
    WithinStatedAge = 3,
    /// <summary>Apart by three months or less: the shift Russian law allows on adoption (Family Code art. 135).</summary>
    WithinThreeMonths = 4,
    /// <summary>Same year, day and month exchanged (03.05 against 05.03).</summary>
    DayMonthSwapped = 5,
    /// <summary>Same day and month (or same month), years one apart.</summary>
    YearOffByOneSameDayMonth = 6,
    /// <summary>The yyyymmdd digits differ in exactly one place, or two adjacent digits are transposed.</summary>
    OneDigitTypo = 7,
    /// <summary>Same year, nothing else explains the difference.</summary>
    SameYearOnly = 8,
    /// <summary>Both present, no level above applies.</summary>
    Disagree = 9,
    /// <summary>Either side is missing or was impossible; carries no evidence either way.</summary>
    Missing = 10,
}
