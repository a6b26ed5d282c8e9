using System.Globalization;

namespace Linkage.Dates;

public readonly partial record struct PartialDate
{
    private const int MaxTextLength = 64;
    private const int MaxTokens = 8;
    private const int OldestAgeYears = 25;

    // Words that only label a date as a birth date: "2014 г.р.", "2014 р.н.", "Дата рождения: 12.03.2014".
    private static readonly HashSet<string> LabelWords = new(StringComparer.Ordinal)
    {
        "г", "гг", "р", "рр", "н", "гр", "рн", "д", "др", "год", "года", "року", "рік", "рожд", "рождения", "народж",
        "народження", "нар", "дата", "born", "b", "yob", "dob", "year", "date", "of", "birth",
    };

    private static readonly HashSet<string> YearUnits = new(StringComparer.Ordinal)
    {
        "г", "год", "года", "лет", "р", "рік", "роки", "років", "y", "yr", "yrs", "year", "years",
    };

    /// <summary>
    /// Parses a birth date as the data contract allows it: YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY,
    /// MM.YYYY, "2014 г.р.", Russian, Ukrainian or English month names in any case ("12 марта 2014",
    /// "березень 2014"), and an age on a listing ("3 года", "1 год 5 месяцев", "2 роки"), which becomes the span
    /// of months the child can have been born in as of <paramref name="observedOn"/>.
    /// Blank text is missing without a warning; unreadable or impossible text is missing with a warning that
    /// says why, so the row is kept.
    /// </summary>
    /// <param name="observedOn">When the source was read (a listing's scrape date): later dates are impossible
    /// and ages count back from it. Null means today for the future check; an age then cannot be placed.</param>
    public static PartialDate Parse(string? text, DateOnly? observedOn, out string? warning)
    {
        warning = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return Missing;
        }
        value = WithoutTimeOfDay(value);
        if (value.Length > MaxTextLength || !TryTokenize(value, out var tokens))
        {
            warning = $"unreadable date '{Shorten(value)}'";
            return Missing;
        }
        if (TryReadAge(tokens, out var years, out var months))
        {
            if (observedOn is null)
            {
                warning = $"age '{Shorten(value)}' without the date it was observed on";
                return Missing;
            }
            return FromAge(years, months, observedOn.Value, out warning);
        }
        if (!TryReadParts(tokens, out var year, out var month, out var day))
        {
            warning = $"unreadable date '{Shorten(value)}'";
            return Missing;
        }
        var date = new PartialDate(year, month, day);
        warning = Validate(date, observedOn);
        return warning is null ? date : Missing;
    }

    /// <summary>"2014-03-12T00:00:00" and "12.03.2014 0:00:00", as exported by databases: the date part.</summary>
    private static string WithoutTimeOfDay(string value)
    {
        var separator = value.IndexOfAny(['T', ' ']);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return separator >= 8 && colon > separator && char.IsAsciiDigit(value[separator - 1])
            && separator + 1 < value.Length && char.IsAsciiDigit(value[separator + 1])
            ? value[..separator]
            : value;
    }

    private readonly record struct Token(int Number, int Digits, string? Word);

    /// <summary>Splits into digit runs and lower-case letter runs; every other character separates.</summary>
    private static bool TryTokenize(string value, out List<Token> tokens)
    {
        tokens = new List<Token>(4);
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < value.Length && char.IsAsciiDigit(value[i]))
                {
                    i++;
                }
                if (i - start > 8)
                {
                    return false;
                }
                tokens.Add(new Token(int.Parse(value.AsSpan(start, i - start), CultureInfo.InvariantCulture), i - start, null));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < value.Length && char.IsLetter(value[i]))
                {
                    i++;
                }
                var word = value.Substring(start, i - start).ToLowerInvariant().Replace('ё', 'е');
                tokens.Add(new Token(0, 0, word));
            }
            else
            {
                i++;
            }
            if (tokens.Count > MaxTokens)
            {
                return false;
            }
        }
        return tokens.Count > 0;
    }

    /// <summary>Reads "N лет", "N мес.", "N год M месяцев": short numbers each followed by a unit.</summary>
    private static bool TryReadAge(List<Token> tokens, out int years, out int months)
    {
        years = months = -1;
        if (tokens.Count is not (2 or 4))
        {
            return false;
        }
        for (var i = 0; i < tokens.Count; i += 2)
        {
            var number = tokens[i];
            var unit = tokens[i + 1].Word;
            if (number.Word is not null || number.Digits > 3 || unit is null)
            {
                return false;
            }
            if (YearUnits.Contains(unit) && years < 0 && months < 0)
            {
                years = number.Number;
            }
            else if (IsMonthUnit(unit) && months < 0)
            {
                months = number.Number;
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsMonthUnit(string word) =>
        word.StartsWith("мес", StringComparison.Ordinal) || word.StartsWith("міс", StringComparison.Ordinal)
        || word.StartsWith("month", StringComparison.Ordinal) || word is "m" or "mo" or "mos";

    /// <summary>
    /// An age of <paramref name="years"/> (−1 when not given) and <paramref name="months"/> (−1 when not given)
    /// on <paramref name="observedOn"/> is a birth between the day after the next birthday-to-be a unit earlier
    /// and the day the age was last reached: "3 года" on 2026-11-24 is 2022-11-25 … 2023-11-24.
    /// </summary>
    private static PartialDate FromAge(int years, int months, DateOnly observedOn, out string? warning)
    {
        var totalMonths = Math.Max(years, 0) * 12 + Math.Max(months, 0);
        if (totalMonths >= OldestAgeYears * 12 || (years >= 0 && months > 11))
        {
            warning = $"age of {Math.Max(years, 0)} years {Math.Max(months, 0)} months is impossible for a child in these records";
            return Missing;
        }
        var unitMonths = months >= 0 ? 1 : 12;
        var latest = observedOn.AddMonths(-totalMonths);
        var earliest = observedOn.AddMonths(-(totalMonths + unitMonths)).AddDays(1);
        warning = earliest.Year < 1990 ? $"age reaches back to {earliest.Year}, before 1990" : null;
        return warning is null ? MonthSpan(earliest, latest) : Missing;
    }

    /// <summary>Reads a calendar date from its numbers, an optional month name and optional year markers.</summary>
    private static bool TryReadParts(List<Token> tokens, out int year, out int month, out int day)
    {
        year = month = day = 0;
        Span<int> numbers = stackalloc int[3];
        Span<int> digits = stackalloc int[3];
        var count = 0;
        var namedMonth = 0;
        var numbersBeforeMonth = 0;
        foreach (var token in tokens)
        {
            if (token.Word is null)
            {
                if (count == numbers.Length)
                {
                    return false;
                }
                numbers[count] = token.Number;
                digits[count++] = token.Digits;
                continue;
            }
            var monthOfWord = MonthNames.Find(token.Word);
            if (monthOfWord > 0 && namedMonth == 0)
            {
                namedMonth = monthOfWord;
                numbersBeforeMonth = count;
            }
            else if (!LabelWords.Contains(token.Word))
            {
                return false;
            }
        }
        if (namedMonth > 0)
        {
            return TryReadNamedMonth(numbers[..count], digits[..count], namedMonth, numbersBeforeMonth, out year, out month, out day);
        }
        switch (count)
        {
            case 1 when digits[0] == 8:
                (year, month, day) = (numbers[0] / 10000, numbers[0] / 100 % 100, numbers[0] % 100);
                return true;
            case 1 when digits[0] == 4:
                year = numbers[0];
                return true;
            case 2 when digits[0] == 4 && digits[1] <= 2:
                (year, month) = (numbers[0], numbers[1]);
                return true;
            case 2 when digits[1] == 4 && digits[0] <= 2:
                (month, year) = (numbers[0], numbers[1]);
                return true;
            case 3 when digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2:
                (year, month, day) = (numbers[0], numbers[1], numbers[2]);
                return true;
            case 3 when digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2:
                (day, month, year) = (numbers[0], numbers[1], numbers[2]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>"12 марта 2014", "березень 2014", "March 12, 2014": one four-digit year, at most one day.</summary>
    private static bool TryReadNamedMonth(
        ReadOnlySpan<int> numbers, ReadOnlySpan<int> digits, int namedMonth, int numbersBeforeMonth,
        out int year, out int month, out int day)
    {
        year = day = 0;
        month = namedMonth;
        var yearIndex = -1;
        for (var i = 0; i < numbers.Length; i++)
        {
            if (digits[i] == 4 && yearIndex < 0 && i >= numbersBeforeMonth)
            {
                yearIndex = i;
            }
            else if (digits[i] <= 2 && day == 0 && numbers[i] > 0)
            {
                day = numbers[i];
            }
            else
            {
                return false;
            }
        }
        if (yearIndex < 0)
        {
            return false;
        }
        year = numbers[yearIndex];
        return true;
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
            return string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} does not exist");
        }
        var latest = observedOn ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var earliestPossible = new DateOnly(date.Year, Math.Max(date.Month, 1), Math.Max(date.Day, 1));
        return earliestPossible > latest ? $"{date} is in the future" : null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
