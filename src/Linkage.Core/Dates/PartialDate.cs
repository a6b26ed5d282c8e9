using System.Globalization;
using System.Text.RegularExpressions;

namespace Linkage.Dates;

/// <summary>How much of a date a source gave.</summary>
public enum DatePrecision : byte
{
    Missing = 0,
    Year = 1,
    YearMonth = 2,
    Day = 3,
}

/// <summary>
/// A birth date known to the year, the month or the day. Month and day are 0 when unknown.
/// Packs into one integer (<see cref="Packed"/>) for the comparison hot path.
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int Day)
{
    public static PartialDate Missing => default;

    public DatePrecision Precision =>
        Year == 0 ? DatePrecision.Missing
        : Month == 0 ? DatePrecision.Year
        : Day == 0 ? DatePrecision.YearMonth
        : DatePrecision.Day;

    public bool IsMissing => Year == 0;

    /// <summary>yyyymmdd with zeros for unknown parts; 0 when missing.</summary>
    public int Packed => Year * 10000 + Month * 100 + Day;

    public static PartialDate FromPacked(int packed) => new(packed / 10000, packed / 100 % 100, packed % 100);

    /// <summary>ISO-style text at the date's own precision: 2014, 2014-03, 2014-03-12, or empty.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.YearMonth => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        _ => string.Empty,
    };

    /// <summary>
    /// Parses a birth date as the data contract allows it. Blank text is missing without a warning;
    /// unreadable or impossible text is missing with a warning that says why, so the row is kept.
    /// </summary>
    /// <param name="observedOn">When the source was read (a listing's scrape date); later dates are impossible.</param>
    public static PartialDate Parse(string? text, DateOnly? observedOn, out string? warning)
    {
        warning = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return Missing;
        }
        if (!TryReadParts(value, out var year, out var month, out var day))
        {
            warning = $"unreadable date '{Shorten(value)}'";
            return Missing;
        }
        var date = new PartialDate(year, month, day);
        warning = Validate(date, observedOn);
        return warning is null ? date : Missing;
    }

    private static readonly Regex IsoForm = new(@"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$", RegexOptions.CultureInvariant);
    private static readonly Regex DottedForm = new(@"^(?:(\d{1,2})[./])?(\d{1,2})[./](\d{4})$", RegexOptions.CultureInvariant);
    private static readonly Regex YearOfBirthForm = new(@"^(\d{4})\s*(?:г\.?\s*р\.?|р\.?\s*н\.?|г\.?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static bool TryReadParts(string value, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var iso = IsoForm.Match(value);
        if (iso.Success)
        {
            year = int.Parse(iso.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            month = iso.Groups[2].Success ? int.Parse(iso.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : 0;
            day = iso.Groups[3].Success ? int.Parse(iso.Groups[3].ValueSpan, CultureInfo.InvariantCulture) : 0;
            return true;
        }
        var dotted = DottedForm.Match(value);
        if (dotted.Success)
        {
            day = dotted.Groups[1].Success ? int.Parse(dotted.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 0;
            month = int.Parse(dotted.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            year = int.Parse(dotted.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
            return true;
        }
        var yearOfBirth = YearOfBirthForm.Match(value);
        if (yearOfBirth.Success)
        {
            year = int.Parse(yearOfBirth.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    private static string? Validate(PartialDate date, DateOnly? observedOn)
    {
        if (date.Year < 1990)
        {
            return $"year {date.Year} is before 1990, impossible for a child in these records";
        }
        if (date.Month > 12 || (date.Month == 0 && date.Day != 0))
        {
            return $"month {date.Month} does not exist";
        }
        if (date.Day > 0 && date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} does not exist";
        }
        var latest = observedOn ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var earliestPossible = new DateOnly(date.Year, Math.Max(date.Month, 1), Math.Max(date.Day, 1));
        return earliestPossible > latest ? $"{date} is in the future" : null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
