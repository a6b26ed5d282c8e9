using System.Globalization;
using System.Text;
using CsvHelper;

namespace Linkage.Linking;

/// <summary>
/// Writes the matches contract (data-schemas/matches.md): one row per kept candidate, added batch by batch as a run
/// hands them over. The header is written on creation.
/// </summary>
public sealed class MatchesCsv : IDisposable
{
    public static readonly IReadOnlyList<string> Header =
        ["reference_id", "listing_id", "rank", "match_probability", "match_weight", "decision", "explanation"];

    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;

    public MatchesCsv(string path)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _csv = new CsvWriter(_writer, CultureInfo.InvariantCulture);
        foreach (var column in Header)
        {
            _csv.WriteField(column);
        }
        _csv.NextRecord();
    }

    public void Write(IEnumerable<CandidateMatch> matches)
    {
        foreach (var match in matches)
        {
            _csv.WriteField(match.ReferenceId);
            _csv.WriteField(match.ListingId);
            _csv.WriteField(match.Rank);
            _csv.WriteField(match.MatchProbability.ToString("0.######", CultureInfo.InvariantCulture));
            _csv.WriteField(match.MatchWeight.ToString("0.###", CultureInfo.InvariantCulture));
            _csv.WriteField(match.Decision.ToText());
            _csv.WriteField(match.Explanation);
            _csv.NextRecord();
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _writer.Dispose();
    }
}
