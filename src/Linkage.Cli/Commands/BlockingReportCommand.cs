using System.CommandLine;
using System.Globalization;
using Linkage.Blocking;
using Linkage.Evaluation;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Scoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage blocking-report</c>: pairs per blocking rule, cumulative pairs, the largest blocks (sizes only),
/// the reduction ratio, and with a truth file, pairs completeness per rule and overall.
/// </summary>
internal static class BlockingReportCommand
{
    public static Command Create() => Create(AnsiConsole.Console);

    internal static Command Create(IAnsiConsole console)
    {
        var references = new Option<FileInfo>("--references") { Description = "References CSV", Required = true };
        var listings = new Option<FileInfo>("--listings") { Description = "Listings CSV", Required = true };
        var truth = new Option<FileInfo?>("--truth") { Description = "Truth CSV (reference_id, listing_id): adds pairs completeness" };
        var model = new Option<FileInfo?>("--model") { Description = "A model JSON whose blocking rules to measure instead of the default's" };
        var largest = new Option<int>("--largest") { Description = "How many of each rule's largest blocks to show", DefaultValueFactory = _ => 3 };
        var exhaustive = new Option<bool>("--exhaustive")
        {
            Description = "Also link every pair (as link --exhaustive) and blocked, and measure what blocking keeps of the pairs exhaustive linking puts at or above review",
        };
        var command = new Command("blocking-report", "Measure the model's blocking rules: pairs per rule, cumulative pairs, largest blocks, reduction ratio, pairs completeness.")
        {
            references, listings, truth, model, largest, exhaustive,
        };
        command.SetAction(parse => Run(
            console, parse.GetValue(references)!, parse.GetValue(listings)!, parse.GetValue(truth), parse.GetValue(model), parse.GetValue(largest),
            parse.GetValue(exhaustive)));
        return command;
    }

    private static int Run(IAnsiConsole console, FileInfo referencesFile, FileInfo listingsFile, FileInfo? truthFile, FileInfo? modelFile, int largest, bool exhaustive)
    {
        if (largest < 0)
        {
            console.MarkupLine("[red]error:[/] --largest must not be negative");
            return ExitCodes.BadInput;
        }
        try
        {
            var engine = modelFile is null
                ? LinkEngine.Default
                : LinkEngine.Create(MatchModelJson.Load(modelFile.FullName), LinkEngine.Default.Names, LinkEngine.Default.Places);
            var truth = truthFile is null ? null : EvaluationInput.ReadTruth(truthFile.FullName);
            var referenceRecords = RecordFileReader.ReadReferences(referencesFile.FullName).Records;
            var listingRecords = RecordFileReader.ReadListings(listingsFile.FullName).Records;
            var report = BlockingAnalysis.Analyze(referenceRecords, listingRecords, engine, truth, exhaustive, largest);
            Print(console, report);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IngestException or InvalidDataException or EvaluationInputException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    internal static void Print(IAnsiConsole console, BlockingReport report)
    {
        var truth = report.Truth;
        var rules = new Table().Title("Blocking rules").AddColumn("Rule");
        foreach (var heading in truth is null
            ? (string[])["Pairs", "Cumulative pairs", "Largest blocks (references × listings)"]
            : ["Pairs", "Cumulative pairs", "True pairs", "Cumulative completeness", "Largest blocks (references × listings)"])
        {
            rules.AddColumn(new TableColumn(heading).RightAligned());
        }
        foreach (var rule in report.Rules)
        {
            var blocks = string.Join(", ", rule.LargestBlocks.Select(b => $"{Count(b.References)}×{Count(b.Listings)}"));
            string[] cells = truth is null
                ? [rule.Name, Count(rule.Pairs), Count(rule.CumulativePairs), blocks]
                : [rule.Name, Count(rule.Pairs), Count(rule.CumulativePairs),
                   Count(rule.TruePairs ?? 0), Share(rule.CumulativeTruePairs ?? 0, truth.TruePairs), blocks];
            AddRow(rules, cells);
        }
        console.Write(rules);

        var figures = new Table().Title("Blocking overall").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        AddRow(figures, "References × listings", Count(report.AllPairs));
        AddRow(figures, "Candidate pairs", Count(report.CandidatePairs));
        AddRow(figures, "Reduction ratio", report.ReductionRatio.ToString("0.000000", CultureInfo.InvariantCulture));
        if (truth is not null)
        {
            AddRow(figures, "True pairs", Count(truth.TruePairs));
            AddRow(figures, "Pairs completeness", Share(truth.TruePairsProposed, truth.TruePairs));
            AddRow(figures, "True pairs at or above review on comparison alone", Count(truth.TruePairsAboveReview));
            AddRow(figures, "Of those, proposed by blocking", Share(truth.TruePairsAboveReviewProposed, truth.TruePairsAboveReview));
            if (truth.TruthRowsUnmatched > 0)
            {
                AddRow(figures, "Truth rows naming no input record", Count(truth.TruthRowsUnmatched));
            }
        }
        if (report.Exhaustive is { } all)
        {
            AddRow(figures, "Pairs link --exhaustive keeps (at or above review)", Count(all.PairsAboveReview));
            AddRow(figures, "Of those, proposed by blocking", Share(all.Proposed, all.PairsAboveReview));
            AddRow(figures, "Of those, kept at or above review by blocked link", Share(all.KeptByBlockedRun, all.PairsAboveReview));
            if (all.TruePairsAboveReview is { } trueAll)
            {
                AddRow(figures, "True pairs link --exhaustive keeps", Count(trueAll));
                AddRow(figures, "Of those, proposed by blocking", Share(all.TrueProposed ?? 0, trueAll));
                AddRow(figures, "Of those, kept at or above review by blocked link", Share(all.TrueKeptByBlockedRun ?? 0, trueAll));
            }
        }
        console.Write(figures);
    }

    // Text, not markup: nothing in a cell is interpreted.
    private static void AddRow(Table table, params string[] cells) =>
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)).ToArray());

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{Count(part)} ({(whole == 0 ? 1 : (double)part / whole):0.0000})");
}
