using System.Globalization;
using System.Text.RegularExpressions;
using Linkage.Dates;
using Linkage.Records;

namespace Linkage.Ingest;

/// <summary>
/// One data row read against a contract: values trimmed, NUL characters removed (with a warning, so the row is
/// kept), and the parsed fields (sex, birth date, scrape time) with a warning wherever text could not be used.
/// </summary>
internal sealed partial class ContractRow
{
    private readonly HeaderMap map;
    private readonly string[] values;
    private readonly List<FieldWarning> warnings = [];

    /// <param name="pool">Shares repeated values across the rows of one file; ids, being unique, are not pooled.</param>
    public ContractRow(CsvRow row, HeaderMap map, ValuePool pool)
    {
        this.map = map;
        values = new string[Math.Min(row.Fields.Length, map.Headers.Count)];
        for (var i = 0; i < values.Length; i++)
        {
            var value = row.Fields[i];
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                value = value.Replace("\0", string.Empty, StringComparison.Ordinal);
                warnings.Add(new FieldWarning(map.FieldName(i), "NUL characters removed"));
            }
            values[i] = i == map.IdIndex ? value.Trim() : pool.Share(value.Trim());
        }
        if (row.StrayQuoteField >= 0 && row.StrayQuoteField < values.Length)
        {
            warnings.Add(new FieldWarning(map.FieldName(row.StrayQuoteField), "a quote inside unquoted text was kept as part of the value"));
        }
    }

    public string Id => Text(ContractColumn.Id);

    /// <summary>The trimmed value of <paramref name="column"/>; empty when the file lacks the column.</summary>
    public string Text(ContractColumn column)
    {
        var index = map.IndexOf(column);
        return index >= 0 && index < values.Length ? values[index] : string.Empty;
    }

    /// <summary>The scrape time as an ISO date or date-time; null with a warning when present but unreadable.</summary>
    public DateTimeOffset? ScrapedAt()
    {
        var text = Text(ContractColumn.ScrapedAt);
        if (text.Length == 0)
        {
            return null;
        }
        if (IsoDateStart().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var scrapedAt))
        {
            return scrapedAt;
        }
        warnings.Add(new FieldWarning(ColumnAliases.Name(ContractColumn.ScrapedAt, map.Contract),
            $"unreadable scrape time '{Shorten(text)}': expected an ISO date or date-time such as 2024-05-01T12:00:00Z"));
        return null;
    }

    /// <summary>The person the row describes; warnings gathered so far (and from sex and birth date) go with it.</summary>
    /// <param name="observedOn">When the source was read; a birth date after it is impossible.</param>
    public PersonDetails Person(DateOnly? observedOn)
    {
        var sexText = Text(ContractColumn.Sex);
        if (!SexParser.TryParse(sexText, out var sex))
        {
            warnings.Add(new FieldWarning(ColumnAliases.Name(ContractColumn.Sex, map.Contract), $"unknown sex '{Shorten(sexText)}'"));
        }
        var birthDateText = Text(ContractColumn.BirthDate);
        var birthDate = PartialDate.Parse(birthDateText, observedOn, out var dateWarning);
        if (dateWarning is not null)
        {
            warnings.Add(new FieldWarning(ColumnAliases.Name(ContractColumn.BirthDate, map.Contract), dateWarning));
        }
        return new PersonDetails
        {
            Surname = Text(ContractColumn.Surname),
            GivenName = Text(ContractColumn.GivenName),
            Patronymic = Text(ContractColumn.Patronymic),
            Sex = sex,
            BirthDateText = birthDateText,
            BirthDate = birthDate,
            BirthPlace = Text(ContractColumn.BirthPlace),
            BirthRegion = Text(ContractColumn.BirthRegion),
            SiblingGroup = Text(ContractColumn.SiblingGroup),
            Notes = Text(ContractColumn.Notes),
            ExtraFields = ExtraFields(),
            Warnings = warnings.ToArray(),
        };
    }

    /// <summary>The non-blank values of columns the contract does not name, in file order.</summary>
    private KeyValuePair<string, string>[] ExtraFields() =>
        map.ExtraColumns
            .Where(i => i < values.Length && values[i].Length > 0)
            .Select(i => KeyValuePair.Create(map.Headers[i], values[i]))
            .ToArray();

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateStart();
}
