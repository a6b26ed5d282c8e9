using System.Globalization;
using System.CommandLine;
using System.Diagnostics;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Scoring;
using Linkage.Storage;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage link</c>: the whole pipeline from two CSV files to ranked matches and the review queue.</summary>
internal static class LinkCommand
{
    public const string DefaultDatabase = "linkage.db";

    public static Command Create()
    {
        var references = new Option<FileInfo>("--references") { Description = "References CSV (children reported missing or deported)", Required = true };
        var listings = new Option<FileInfo>("--listings") { Description = "Listings CSV (scraped placement listings)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the matches CSV", Required = true };
        var database = new Option<string>("--db") { Description = $"Review-queue database: a SQLite file path or a PostgreSQL connection string (Host=… or postgres://…) (default: ./{DefaultDatabase})" };
        var model = new Option<FileInfo?>("--model") { Description = "A model JSON to use instead of the shipped default" };
        var top = new Option<int>("--top") { Description = "Candidates kept per reference", DefaultValueFactory = _ => 10 };

        var command = new Command("link", "Normalize, block, compare, score, rank and decide; write matches and record the run.")
        {
            references, listings, output, database, model, top,
        };
        command.SetAction(parse => Run(
            parse.GetValue(references)!,
            parse.GetValue(listings)!,
            parse.GetValue(output)!,
            parse.GetValue(database) ?? DefaultDatabase,
            parse.GetValue(model),
            parse.GetValue(top)));
        return command;
    }

    internal static int Run(FileInfo referencesFile, FileInfo listingsFile, FileInfo outputFile, string database, FileInfo? modelFile, int top)
    {
        try
        {
            var outcome = Execute(referencesFile, listingsFile, outputFile, database, modelFile, top);
            return outcome is null ? ExitCodes.BadInput : ExitCodes.Success;
        }
        catch (IngestException ex)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (InvalidDataException ex)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Runs the pipeline; returns the result, or null when a usage problem was already reported.</summary>
    internal static LinkResult? Execute(FileInfo referencesFile, FileInfo listingsFile, FileInfo outputFile, string database, FileInfo? modelFile, int top)
    {
        if (top < 1)
        {
            AnsiConsole.MarkupLine("[red]error:[/] --top must be at least 1");
            return null;
        }
        var stopwatch = Stopwatch.StartNew();
        var engine = modelFile is null
            ? LinkEngine.Default
            : LinkEngine.Create(MatchModelJson.Load(modelFile.FullName), LinkEngine.Default.Names, LinkEngine.Default.Places);

        var references = ConsoleProgress.Run("reading references",
            progress => RecordFileReader.ReadReferences(referencesFile.FullName, BytesProgress(progress)));
        var listings = ConsoleProgress.Run("reading listings",
            progress => RecordFileReader.ReadListings(listingsFile.FullName, BytesProgress(progress)));
        IngestSummary.Print(references);
        IngestSummary.Print(listings);
        var rejects = references.Rejects.Concat(listings.Rejects).ToArray();
        if (rejects.Length > 0)
        {
            var rejectsPath = RejectsFile.PathBeside(outputFile.FullName);
            RejectsFile.Write(rejectsPath, rejects);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{rejects.Length} rejected rows written to {rejectsPath}[/]");
        }

        using var store = LinkStores.Open(database);
        var runId = store.BeginRun("link", engine.Model.Name, referencesFile.FullName, listingsFile.FullName);
        try
        {
            store.SaveReferences(runId, references.Records);
            store.SaveListings(runId, listings.Records);
            var result = ConsoleProgress.Run("linking", progress => Linker.Link(
                references.Records,
                listings.Records,
                engine,
                new LinkOptions { MaxCandidatesPerReference = top },
                new ConsoleProgress.SynchronousProgress<LinkProgress>(p => progress.Report((p.Stage, p.Done, p.Total)))));
            MatchesCsv.Write(outputFile.FullName, result.Matches);
            store.SaveCandidates(runId, result.Matches);
            store.CompleteRun(runId, new RunCounts
            {
                ReferencesRead = references.RowsRead,
                ReferencesRejected = references.Rejects.Count,
                ListingsRead = listings.RowsRead,
                ListingsRejected = listings.Rejects.Count,
                CandidatePairs = result.CandidatePairs,
                PairsKept = result.Matches.Count,
                Matches = result.MatchCount,
                Reviews = result.ReviewCount,
            });
            PrintSummary(result, runId, outputFile, store.Location, stopwatch.Elapsed);
            return result;
        }
        catch (Exception ex)
        {
            store.FailRun(runId, ex.Message);
            throw;
        }
    }

    private static ConsoleProgress.SynchronousProgress<IngestProgress> BytesProgress(IProgress<(string, long, long)> progress) =>
        new ConsoleProgress.SynchronousProgress<IngestProgress>(p => progress.Report(("bytes", p.BytesRead, p.TotalBytes)));

    private static void PrintSummary(LinkResult result, long runId, FileInfo output, string storeLocation, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("run", "candidate pairs", "kept", "match", "review", "time");
        table.AddRow(
            runId.ToString(CultureInfo.InvariantCulture),
            result.CandidatePairs.ToString("N0", CultureInfo.InvariantCulture),
            result.Matches.Count.ToString("N0", CultureInfo.InvariantCulture),
            result.MatchCount.ToString("N0", CultureInfo.InvariantCulture),
            result.ReviewCount.ToString("N0", CultureInfo.InvariantCulture),
            $"{elapsed.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"matches: {output.FullName}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"review queue: {storeLocation}");
    }
}
