using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Linkage.Linking;

namespace Linkage.Storage;

/// <summary>
/// Confirmed matches with the evidence they were confirmed on, as CSV or JSON for researchers and case workers.
/// Scraped and typed text may be hostile: in CSV, a text cell a spreadsheet would read as a formula is prefixed
/// with an apostrophe (OWASP's CSV-injection advice).
/// </summary>
public static class ConfirmedMatchExport
{
    public static readonly IReadOnlyList<string> Header =
    [
        "reference_id", "listing_id", "source", "placement_region", "url", "listing_vanished", "match_probability",
        "match_weight", "machine_decision", "levels", "explanation", "evidence", "decided_by", "decided_at", "note",
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every confirmed pair in the store, by reference.</summary>
    public static IReadOnlyList<QueueItem> Read(LinkStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Queue(new QueueQuery { Decision = ReviewDecision.Confirmed, Order = QueueOrder.Reference, Limit = int.MaxValue });
    }

    public static void WriteCsv(TextWriter writer, IEnumerable<QueueItem> matches)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var match in matches)
        {
            foreach (var text in (ReadOnlySpan<string>)[match.ReferenceId, match.ListingId, match.Source, match.PlacementRegion, match.Url])
            {
                csv.WriteField(Neutralize(text));
            }
            csv.WriteField(match.ListingVanished ? "true" : "false");
            csv.WriteField(match.MatchProbability.ToString("0.######", CultureInfo.InvariantCulture));
            csv.WriteField(match.MatchWeight.ToString("0.###", CultureInfo.InvariantCulture));
            csv.WriteField(match.MachineDecision.ToText());
            csv.WriteField(string.Join(',', match.Levels));
            csv.WriteField(Neutralize(match.Explanation));
            csv.WriteField(Neutralize(JsonSerializer.Serialize(match.Evidence, CompactJson)));
            csv.WriteField(Neutralize(match.DecidedBy ?? string.Empty));
            csv.WriteField(match.DecidedAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(Neutralize(match.Note ?? string.Empty));
            csv.NextRecord();
        }
    }

    public static void WriteJson(Stream stream, IEnumerable<QueueItem> matches) =>
        JsonSerializer.Serialize(stream, matches.Select(m => new
        {
            reference_id = m.ReferenceId,
            listing_id = m.ListingId,
            source = m.Source,
            placement_region = m.PlacementRegion,
            url = m.Url,
            listing_vanished = m.ListingVanished,
            match_probability = m.MatchProbability,
            match_weight = m.MatchWeight,
            machine_decision = m.MachineDecision.ToText(),
            levels = m.Levels.Select(l => (int)l),
            explanation = m.Explanation,
            evidence = m.Evidence.Select(e => new { comparison = e.Comparison, level = e.Level, weight = e.Weight, detail = e.Detail }),
            blocking_rules = m.BlockingRules,
            decided_by = m.DecidedBy,
            decided_at = m.DecidedAt,
            note = m.Note,
        }), Json);

    /// <summary>A cell starting with = + - @, tab or carriage return gets a leading apostrophe so it stays text.</summary>
    internal static string Neutralize(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    /// <summary>Writes <paramref name="matches"/> to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteFile(string path, ExportFormat format, IEnumerable<QueueItem> matches)
    {
        using var stream = File.Create(path);
        if (format == ExportFormat.Json)
        {
            WriteJson(stream, matches);
            return;
        }
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        WriteCsv(writer, matches);
    }
}

public enum ExportFormat
{
    Csv,
    Json,
}
