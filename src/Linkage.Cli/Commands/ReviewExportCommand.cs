using System.CommandLine;
using System.Globalization;
using Linkage.Storage;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage review export</c>: confirmed matches with their evidence, as CSV or JSON.</summary>
internal static class ReviewExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo>("--out") { Description = "File to write", Required = true };
        var database = StoreOption.Create();
        var command = new Command("export", "Export the confirmed matches with their evidence (CSV cells that look like formulas are neutralised).")
        {
            format, output, database,
        };
        command.SetAction(parse =>
        {
            if (!Enum.TryParse<ExportFormat>(parse.GetValue(format), ignoreCase: true, out var exportFormat) || !Enum.IsDefined(exportFormat))
            {
                AnsiConsole.MarkupLine("[red]error:[/] --format is csv or json");
                return ExitCodes.BadInput;
            }
            var file = parse.GetValue(output)!;
            using var store = LinkStores.Open(parse.GetValue(database)!);
            var matches = ConfirmedMatchExport.Read(store);
            ConfirmedMatchExport.WriteFile(file.FullName, exportFormat, matches);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{matches.Count} confirmed matches written to {file.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }
}
