using System.CommandLine;
using System.Globalization;
using Linkage.Evaluation;
using Linkage.Linking;
using Linkage.Synthetic;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage demo</c>: the main job end to end on the embedded default store — a synthetic corpus, linked
/// into SQLite, evaluated against its truth, with the top matches shown.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var directory = new Option<DirectoryInfo>("--dir") { Description = "Working folder for the corpus, matches and database", DefaultValueFactory = _ => new DirectoryInfo("linkage-demo") };
        var children = new Option<int>("--children") { Description = "Children in the synthetic corpus", DefaultValueFactory = _ => 2000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the synthetic corpus", DefaultValueFactory = _ => 1 };
        var show = new Option<int>("--show") { Description = "How many top matches to print", DefaultValueFactory = _ => 15 };
        var command = new Command("demo", "Generate a synthetic corpus, link it into SQLite, evaluate it and print the top matches.")
        {
            directory, children, seed, show,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(children), parse.GetValue(seed), parse.GetValue(show)));
        return command;
    }

    private static int Run(DirectoryInfo directory, int children, ulong seed, int show)
    {
        directory.Create();
        var corpus = Path.Combine(directory.FullName, "corpus");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]1. synthetic corpus[/] ({children:N0} children, seed {seed}) → {corpus}");
        var summary = ConsoleProgress.Run("generating", progress =>
            CorpusGenerator.Write(new SynthOptions { Children = children, Seed = seed }, corpus,
                new ConsoleProgress.SynchronousProgress<double>(p => progress.Report(("rows", (long)(p * 1000), 1000)))));
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"   {summary.References:N0} references, {summary.Listings:N0} listings, {summary.TruthPairs:N0} true pairs");

        AnsiConsole.MarkupLine("[bold]2. link[/]");
        var matchesPath = Path.Combine(directory.FullName, "matches.csv");
        var database = Path.Combine(directory.FullName, "linkage.db");
        var best = new List<CandidateMatch>();
        var result = LinkCommand.Execute(
            new FileInfo(Path.Combine(corpus, "references.csv")),
            new FileInfo(Path.Combine(corpus, "listings.csv")),
            new FileInfo(matchesPath),
            database,
            LinkEngine.Default,
            top: 10,
            kept: batch => best.AddRange(batch.Where(m => m.Rank == 1)));
        if (result is null)
        {
            return ExitCodes.Failure;
        }

        AnsiConsole.MarkupLine("[bold]3. evaluate[/]");
        var report = Evaluator.EvaluateFiles(matchesPath, Path.Combine(corpus, "truth.csv"));
        var plot = Path.Combine(directory.FullName, "precision-recall.svg");
        File.WriteAllText(plot, PrecisionRecallSvg.Render(report, "Precision-recall on the synthetic demo corpus"));
        EvaluateCommand.PrintReport(AnsiConsole.Console, report);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"precision-recall curve: {plot}");

        AnsiConsole.MarkupLine("[bold]4. top matches[/]");
        PrintTopMatches(best, show);
        return ExitCodes.Success;
    }

    private static void PrintTopMatches(IReadOnlyList<CandidateMatch> best, int show)
    {
        var table = new Table().AddColumns("reference", "listing", "probability", "weight", "decision", "evidence");
        foreach (var match in best.OrderByDescending(m => m.MatchWeight).Take(show))
        {
            table.AddRow(
                Markup.Escape(match.ReferenceId),
                Markup.Escape(match.ListingId),
                match.MatchProbability.ToString("0.0000", CultureInfo.InvariantCulture),
                match.MatchWeight.ToString("+0.0;-0.0", CultureInfo.InvariantCulture),
                match.Decision.ToText(),
                Markup.Escape(match.Explanation));
        }
        AnsiConsole.Write(table);
    }
}
