using System.Globalization;
using System.CommandLine;
using System.Diagnostics;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Names;
using Linkage.Places;
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
        var database = StoreOption.Create();
        var model = new Option<FileInfo?>("--model") { Description = "A model JSON to use instead of the shipped default" };
        var top = new Option<int>("--top") { Description = "Candidates kept per reference", DefaultValueFactory = _ => 10 };
        var knowledge = new KnowledgeOptions();
        var exhaustive = new Option<bool>("--exhaustive")
        {
            Description = "Compare every reference with every listing instead of the blocked pairs (for up to about 10^9 pairs), " +
                "keeping pairs at or above the review threshold: measures what blocking loses",
        };

        var oneToOne = new Option<bool>("--one-to-one")
        {
            Description = "Give each listing to one child: its most probable claimant and that child's duplicate reports keep it, other claims become non-match",
        };

        var command = new Command("link", "Normalize, block, compare, score, rank and decide; write matches and record the run.")
        {
            references, listings, output, database, model, top, exhaustive, oneToOne,
        };
        knowledge.AddTo(command);
        command.SetAction(parse => Run(() => Execute(
            parse.GetValue(references)!,
            parse.GetValue(listings)!,
            parse.GetValue(output)!,
            parse.GetValue(database) ?? DefaultDatabase,
            CreateEngine(parse.GetValue(model), knowledge.Names(parse), knowledge.Places(parse)),
            parse.GetValue(top),
            parse.GetValue(exhaustive),
            parse.GetValue(oneToOne))));
        return command;
    }

    /// <summary>Runs a link and maps what went wrong with the input to exit code 2 and a message.</summary>
    internal static int Run(Func<LinkSummary?> link)
    {
        try
        {
            return link() is null ? ExitCodes.BadInput : ExitCodes.Success;
        }
        catch (IngestException ex)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Runs the pipeline; returns the result, or null when a usage problem was already reported.</summary>
    internal static LinkEngine CreateEngine(FileInfo? modelFile, NameKnowledge names, Gazetteer places) =>
        LinkEngine.Create(modelFile is null ? LinkEngine.DefaultModel : MatchModelJson.Load(modelFile.FullName), names, places);

    /// <param name="kept">Also given each batch of kept candidates as it is written.</param>
    internal static LinkSummary? Execute(
        FileInfo referencesFile, FileInfo listingsFile, FileInfo outputFile, string database, LinkEngine engine, int top, bool exhaustive = false,
        bool oneToOne = false, Action<IReadOnlyList<CandidateMatch>>? kept = null)
    {
        if (top < 1)
        {
            AnsiConsole.MarkupLine("[red]error:[/] --top must be at least 1");
            return null;
        }
        var stopwatch = Stopwatch.StartNew();

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
        var request = new LinkRunRequest
        {
            Kind = exhaustive ? "link-exhaustive" : "link",
            ReferencesFile = referencesFile.FullName,
            ListingsFile = listingsFile.FullName,
            References = references.Records,
            Listings = listings.Records,
            Ingest = new RunCounts
            {
                ReferencesRead = references.RowsRead,
                ReferencesRejected = references.Rejects.Count,
                ListingsRead = listings.RowsRead,
                ListingsRejected = listings.Rejects.Count,
            },
        };
        // Matches are written to the file as the run stores them, so none is held in memory for long.
        using var matches = new MatchesCsv(outputFile.FullName);
        var (runId, result) = ConsoleProgress.Run("linking", progress => LinkRun.Execute(
            store,
            request,
            engine,
            new LinkOptions { MaxCandidatesPerReference = top, Exhaustive = exhaustive, OneToOne = oneToOne },
            new ConsoleProgress.SynchronousProgress<LinkProgress>(p => progress.Report((p.Stage, p.Done, p.Total))),
            kept: batch =>
            {
                matches.Write(batch);
                kept?.Invoke(batch);
            }));
        PrintSummary(result, runId, outputFile, store.Location, stopwatch.Elapsed);
        return result;
    }

    private static ConsoleProgress.SynchronousProgress<IngestProgress> BytesProgress(IProgress<(string, long, long)> progress) =>
        new ConsoleProgress.SynchronousProgress<IngestProgress>(p => progress.Report(("bytes", p.BytesRead, p.TotalBytes)));

    private static void PrintSummary(LinkSummary result, long runId, FileInfo output, string storeLocation, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("run", "candidate pairs", "kept", "match", "review", "time");
        table.AddRow(
            runId.ToString(CultureInfo.InvariantCulture),
            result.CandidatePairs.ToString("N0", CultureInfo.InvariantCulture),
            result.PairsKept.ToString("N0", CultureInfo.InvariantCulture),
            result.MatchCount.ToString("N0", CultureInfo.InvariantCulture),
            result.ReviewCount.ToString("N0", CultureInfo.InvariantCulture),
            $"{elapsed.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"matches: {output.FullName}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"review queue: {storeLocation}");
    }
}
