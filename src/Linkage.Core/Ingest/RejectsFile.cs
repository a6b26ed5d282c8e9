using System.Globalization;
using System.Text;
using CsvHelper;

namespace Linkage.Ingest;

/// <summary>The rejects file written beside an output: one CSV row per skipped input row.</summary>
public static class RejectsFile
{
    /// <summary>Writes <paramref name="rejects"/> as UTF-8 CSV with the header <c>file,line,column,reason</c>.</summary>
    public static void Write(string path, IEnumerable<IngestReject> rejects)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in (string[])["file", "line", "column", "reason"])
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        foreach (var reject in rejects)
        {
            csv.WriteField(reject.File);
            csv.WriteField(reject.Line.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(reject.Column ?? string.Empty);
            csv.WriteField(reject.Reason);
            csv.NextRecord();
        }
    }

    /// <summary>The rejects path beside <paramref name="outputPath"/>: matches.csv gives matches.rejects.csv.</summary>
    public static string PathBeside(string outputPath)
    {
        var directory = Path.GetDirectoryName(outputPath) ?? string.Empty;
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(outputPath) + ".rejects.csv");
    }
}
