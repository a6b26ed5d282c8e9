using Linkage.Ingest;
using Spectre.Console;

namespace Linkage.Cli;

internal static class IngestSummary
{
    public static void Print<T>(IngestResult<T> result)
    {
        var rejectedStyle = result.Rejects.Count > 0 ? "yellow" : "grey";
        AnsiConsole.MarkupLine(
            $"{Markup.Escape(Path.GetFileName(result.File))} ({Markup.Escape(result.EncodingName)}, {Markup.Escape(result.DelimiterName)}): " +
            $"read [bold]{result.RowsRead:N0}[/], accepted [green]{result.Records.Count:N0}[/], " +
            $"rejected [{rejectedStyle}]{result.Rejects.Count:N0}[/]");
    }
}
