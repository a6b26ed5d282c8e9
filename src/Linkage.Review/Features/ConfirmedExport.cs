using System.Globalization;
using System.Text;
using System.Text.Json;
using Linkage.Records;
using Linkage.Review.Store;

namespace Linkage.Review.Features;

/// <summary>Confirmed matches as CSV (safe to open in a spreadsheet) and as JSON with the evidence.</summary>
internal static class ConfirmedExport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly string[] Header =
    [
        "reference_id", "listing_id", "match_probability", "match_weight", "reviewer", "decided_at", "note",
        "reference_surname", "reference_given_name", "reference_patronymic", "reference_birth_date",
        "listing_surname", "listing_given_name", "listing_patronymic", "listing_birth_date",
        "source", "placement_region", "url", "evidence",
    ];

    public static string Csv(IReadOnlyList<ConfirmedPair> pairs)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        foreach (var pair in pairs)
        {
            AppendRow(csv,
            [
                pair.Key.ReferenceId, pair.Key.ListingId,
                pair.MatchProbability.ToString("0.######", CultureInfo.InvariantCulture),
                pair.MatchWeight.ToString("0.###", CultureInfo.InvariantCulture),
                pair.Decision.Reviewer, pair.Decision.DecidedAt.ToString("O", CultureInfo.InvariantCulture), pair.Decision.Note,
                .. Person(pair.Reference.Person), .. Person(pair.Listing.Person),
                pair.Listing.Source, pair.Listing.PlacementRegion, pair.Listing.Url,
                string.Join("; ", pair.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Comparison}={e.Level} ({e.Weight:+0.00;-0.00;0.00})"))),
            ]);
        }
        return csv.ToString();
    }

    public static string Json(IReadOnlyList<ConfirmedPair> pairs) =>
        JsonSerializer.Serialize(
            pairs.Select(p => new
            {
                reference_id = p.Key.ReferenceId,
                listing_id = p.Key.ListingId,
                match_probability = p.MatchProbability,
                match_weight = p.MatchWeight,
                decision = new { status = p.Decision.Status, reviewer = p.Decision.Reviewer, decided_at = p.Decision.DecidedAt, note = p.Decision.Note },
                reference = PersonJson(p.Reference.Person),
                listing = new
                {
                    person = PersonJson(p.Listing.Person),
                    source = p.Listing.Source,
                    placement_region = p.Listing.PlacementRegion,
                    scraped_at = p.Listing.ScrapedAt,
                    url = p.Listing.Url,
                },
                evidence = p.Evidence.Select(e => new { comparison = e.Comparison, level = e.Level, weight = e.Weight, detail = e.Detail }),
            }),
            Indented);

    /// <summary>
    /// A cell a spreadsheet would run as a formula (leading = + - @, or a tab or carriage return that hides one)
    /// gets a leading apostrophe, so it is shown as text.
    /// </summary>
    internal static string Neutralize(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string[] Person(PersonDetails person) => [person.Surname, person.GivenName, person.Patronymic, person.BirthDateText];

    private static object PersonJson(PersonDetails person) => new
    {
        surname = person.Surname,
        given_name = person.GivenName,
        patronymic = person.Patronymic,
        sex = person.Sex.ToString(),
        birth_date = person.BirthDateText,
        birth_place = person.BirthPlace,
        birth_region = person.BirthRegion,
        extra = person.ExtraFields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
    };

    private static void AppendRow(StringBuilder csv, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            var cell = Neutralize(cells[i] ?? string.Empty);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }
        csv.Append("\r\n");
    }
}
