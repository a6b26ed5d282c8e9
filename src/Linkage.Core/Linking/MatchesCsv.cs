using System.Globalization;
using System.Text;
using CsvHelper;

namespace Linkage.Linking;

/// <summary>Writes the matches contract (data-schemas/matches.md): one row per kept candidate.</summary>
public static class MatchesCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["reference_id", "listing_id", "rank", "match_probability", "match_weight", "decision", "explanation"];

    public static void Write(string path, IEnumerable<CandidateMatch> matches)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var match in matches)
        {
            csv.WriteField(match.ReferenceId);
            csv.WriteField(match.ListingId);
            csv.WriteField(match.Rank);
            csv.WriteField(match.MatchProbability.ToString("0.######", CultureInfo.InvariantCulture));
            csv.WriteField(match.MatchWeight.ToString("0.###", CultureInfo.InvariantCulture));
            csv.WriteField(match.Decision.ToText());
            csv.WriteField(match.Explanation);
            csv.NextRecord();
        }
    }
}
