namespace Linkage.Dates;

/// <summary>
/// Classifies a pair of birth dates into a <see cref="DateLevel"/>, modelling each way a date is altered:
/// a partial date on one side, the legal shift of up to three months, a day/month swap, a year off by one,
/// a single wrong digit. Pure and allocation-free; safe on the pair hot path.
/// </summary>
public static class DateComparison
{
    public static DateLevel Compare(PartialDate a, PartialDate b)
    {
        if (a.IsMissing || b.IsMissing)
        {
            return DateLevel.Missing;
        }
        var precisionA = a.Precision;
        var precisionB = b.Precision;
        if (precisionA == DatePrecision.MonthRange || precisionB == DatePrecision.MonthRange)
        {
            return CompareSpans(a, b);
        }
        if (precisionA == DatePrecision.Year || precisionB == DatePrecision.Year)
        {
            return a.Year == b.Year ? DateLevel.SameYearAtSharedPrecision : DateLevel.Disagree;
        }
        if (precisionA == DatePrecision.Day && precisionB == DatePrecision.Day)
        {
            return CompareDays(a, b);
        }
        return CompareMonths(a, b);
    }

    private static DateLevel CompareDays(PartialDate a, PartialDate b)
    {
        if (a.Year == b.Year && a.Month == b.Month && a.Day == b.Day)
        {
            return DateLevel.Exact;
        }
        if (WithinThreeMonths(a, b))
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
        if (IsOneDigitTypo(a.Packed, b.Packed, 8))
        {
            return DateLevel.OneDigitTypo;
        }
        return a.Year == b.Year ? DateLevel.SameYearOnly : DateLevel.Disagree;
    }

    /// <summary>
    /// Whether the later of two whole dates is at most three months after the earlier, counted as
    /// <see cref="DateOnly.AddMonths"/> counts them (the day kept, or cut to the month's last), on the date parts
    /// alone: building and validating the dates cost more than the rest of the comparison.
    /// </summary>
    internal static bool WithinThreeMonths(PartialDate a, PartialDate b)
    {
        var (earlier, later) = a.Packed <= b.Packed ? (a, b) : (b, a);
        var month = earlier.Month + 3;
        var year = earlier.Year + (month - 1) / 12;
        month = (month - 1) % 12 + 1;
        var day = Math.Min(earlier.Day, DateTime.DaysInMonth(year, month));
        return later.Year * 10000 + later.Month * 100 + later.Day <= year * 10000 + month * 100 + day;
    }

    /// <summary>Both known to the month at least, one of them only to the month.</summary>
    private static DateLevel CompareMonths(PartialDate a, PartialDate b)
    {
        if (a.Year == b.Year && a.Month == b.Month)
        {
            return DateLevel.SameMonthAtSharedPrecision;
        }
        if (Math.Abs(a.FirstMonthIndex - b.FirstMonthIndex) <= 3)
        {
            return DateLevel.WithinThreeMonths;
        }
        if (Math.Abs(a.Year - b.Year) == 1 && a.Month == b.Month)
        {
            return DateLevel.YearOffByOneSameDayMonth;
        }
        if (IsOneDigitTypo(a.Year * 100 + a.Month, b.Year * 100 + b.Month, 6))
        {
            return DateLevel.OneDigitTypo;
        }
        return a.Year == b.Year ? DateLevel.SameYearOnly : DateLevel.Disagree;
    }

    /// <summary>At least one side is an age's span: overlap, or a gap the legal shift could explain.</summary>
    private static DateLevel CompareSpans(PartialDate a, PartialDate b)
    {
        var gap = Math.Max(a.FirstMonthIndex - b.LastMonthIndex, b.FirstMonthIndex - a.LastMonthIndex);
        return gap <= 0 ? DateLevel.WithinStatedAge
            : gap <= 3 ? DateLevel.WithinThreeMonths
            : DateLevel.Disagree;
    }

    /// <summary>
    /// True when the last <paramref name="digits"/> decimal digits of two numbers differ in exactly one
    /// place, or in two adjacent places that are each other's digits (2010 against 2001).
    /// </summary>
    internal static bool IsOneDigitTypo(int x, int y, int digits)
    {
        var differing = 0;
        var firstPosition = -1;
        int firstX = 0, firstY = 0;
        for (var position = 0; position < digits; position++, x /= 10, y /= 10)
        {
            var digitX = x % 10;
            var digitY = y % 10;
            if (digitX == digitY)
            {
                continue;
            }
            differing++;
            if (differing == 1)
            {
                (firstPosition, firstX, firstY) = (position, digitX, digitY);
            }
            else if (differing == 2 && (position != firstPosition + 1 || digitX != firstY || digitY != firstX))
            {
                return false;
            }
            else if (differing > 2)
            {
                return false;
            }
        }
        return differing is 1 or 2;
    }
}
