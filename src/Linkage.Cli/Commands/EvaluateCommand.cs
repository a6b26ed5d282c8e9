using System.CommandLine;
using System.Globalization;
using System.Text;
using Linkage.Evaluation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage evaluate</c>: a matches CSV measured against a truth CSV.</summary>
internal static class EvaluateCommand
{
    public static Command Create() => Create(AnsiConsole.Console, Console.Error);

    /// <summary>The figures as two tables: overall and at each threshold.</summary>
    internal static void PrintReport(IAnsiConsole console, EvaluationReport report)
    {
        console.Write(FiguresTable(report));
        console.Write(ThresholdTable(report));
    }

    /// <param name="console">Where the figures go.</param>
    /// <param name="errors">Where faults in the input go, as plain text.</param>
    internal static Command Create(IAnsiConsole console, TextWriter errors)
    {
        var matches = new Option<string>("--matches") { Description = "The matches CSV written by `linkage link`.", Required = true };
        var truth = new Option<string>("--truth") { Description = "The truth CSV: reference_id, listing_id of every true pair.", Required = true };
        var plot = new Option<string?>("--plot") { Description = "Write the precision-recall curve to this SVG file." };
        var json = new Option<string?>("--json") { Description = "Write the figures to this JSON file." };
        var command = new Command("evaluate", "Precision, recall, F1, best F1, recall@k and average precision of a matches file against the truth.");
        command.Options.Add(matches);
        command.Options.Add(truth);
        command.Options.Add(plot);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            var matchesPath = parseResult.GetValue(matches)!;
            var truthPath = parseResult.GetValue(truth)!;
            EvaluationReport report;
            try
            {
                report = Evaluator.EvaluateFiles(matchesPath, truthPath);
            }
            catch (EvaluationInputException e)
            {
                errors.WriteLine($"evaluate: {e.Message}");
                return ExitCodes.BadInput;
            }
            PrintReport(console, report);
            try
            {
                if (parseResult.GetValue(plot) is { } plotPath)
                {
                    var title = $"Precision-recall: {Path.GetFileName(matchesPath)} against {Path.GetFileName(truthPath)}";
                    File.WriteAllText(plotPath, PrecisionRecallSvg.Render(report, title), new UTF8Encoding(false));
                    console.Write(new Text($"Precision-recall curve written to {plotPath}\n"));
                }
                if (parseResult.GetValue(json) is { } jsonPath)
                {
                    File.WriteAllText(jsonPath, EvaluationReportJson.Serialize(report), new UTF8Encoding(false));
                    console.Write(new Text($"Figures written to {jsonPath}\n"));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"evaluate: cannot write output: {e.Message}");
                return ExitCodes.BadInput;
            }
            return 0;
        });
        return command;
    }

    private static Table FiguresTable(EvaluationReport report)
    {
        var table = new Table().Title("Evaluation").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        AddRow(table, "Pairs out", Count(report.PairsOut));
        AddRow(table, "True pairs", Count(report.TruePairs));
        AddRow(table, "True pairs in the output", Count(report.TruePairsFound));
        AddRow(table, "True pairs missing from the output", Count(report.TruePairsMissing));
        AddRow(table, "References with a true listing", Count(report.ReferencesWithTruth));
        AddRow(table, "Recall@1 (mean share of true listings)", Figure(report.RecallAt1.Recall));
        AddRow(table, "Recall@10", Figure(report.RecallAt10.Recall));
        AddRow(table, "Hit rate@1 (any true listing)", Figure(report.RecallAt1.HitRate));
        AddRow(table, "Hit rate@10", Figure(report.RecallAt10.HitRate));
        AddRow(table, "Average precision", Figure(report.AveragePrecision));
        return table;
    }

    private static Table ThresholdTable(EvaluationReport report)
    {
        var table = new Table().Title("Precision and recall").AddColumn("Positive when");
        foreach (var heading in (string[])["Pairs", "True", "Precision", "Recall", "F1"])
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }
        AddFigures(table, "decision is match", report.AtMatch);
        AddFigures(table, "decision is match or review", report.AtMatchOrReview);
        if (report.BestF1 is { } best)
        {
            AddFigures(table, $"best F1: p ≥ {Figure(best.Threshold)}", best.Figures);
        }
        return table;
    }

    private static void AddFigures(Table table, string positiveWhen, PrecisionRecall figures) =>
        AddRow(table, positiveWhen, Count(figures.Positives), Count(figures.TruePositives),
            Figure(figures.Precision), Figure(figures.Recall), Figure(figures.F1));

    // Text, not markup: nothing in a cell is interpreted.
    private static void AddRow(Table table, params string[] cells) =>
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)).ToArray());

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Figure(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
