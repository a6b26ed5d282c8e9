using System.CommandLine;
using System.Globalization;
using Linkage.Evaluation;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Scoring;
using Linkage.Scoring.Training;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage train</c>: estimates m, u and the prior for two files (EM without labels; with a truth file also
/// labelled counts and a logistic regression, compared on held-back labels) and writes the chosen model.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TrainingOptions();
        var references = new Option<FileInfo>("--references") { Description = "References CSV", Required = true };
        var listings = new Option<FileInfo>("--listings") { Description = "Listings CSV", Required = true };
        var truth = new Option<FileInfo?>("--truth") { Description = "Truth CSV of known pairs: adds labelled candidates and the held-back comparison" };
        var baseModel = new Option<FileInfo?>("--model") { Description = "Model whose comparisons, starting m, thresholds and blocking rules to train (default: the shipped model)" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the trained model JSON", Required = true };
        var randomPairs = new Option<int>("--random-pairs") { Description = "Random pairs drawn to estimate u", DefaultValueFactory = _ => defaults.RandomPairs };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random pairs and the held-back split", DefaultValueFactory = _ => defaults.Seed };
        var name = new Option<string?>("--name") { Description = "Name of the trained model" };
        var targetPrecision = new Option<double?>("--target-precision")
        {
            Description = "With --truth: set the match threshold to the lowest probability reaching this precision on held-back labels (e.g. 0.95)",
        };
        var targetRecall = new Option<double>("--target-recall")
        {
            Description = "With --target-precision: set the review threshold to keep this share of held-back matches",
            DefaultValueFactory = _ => defaults.TargetRecall,
        };
        var command = new Command("train", "Train m, u and the prior (EM over blocked pairs; with --truth also from labels) and write a model JSON.")
        {
            references, listings, truth, baseModel, output, randomPairs, seed, name, targetPrecision, targetRecall,
        };
        command.SetAction(parse => Run(
            parse.GetValue(references)!, parse.GetValue(listings)!, parse.GetValue(truth), parse.GetValue(baseModel), parse.GetValue(output)!,
            defaults with
            {
                RandomPairs = parse.GetValue(randomPairs),
                Seed = parse.GetValue(seed),
                ModelName = parse.GetValue(name),
                TargetPrecision = parse.GetValue(targetPrecision),
                TargetRecall = parse.GetValue(targetRecall),
            }));
        return command;
    }

    private static int Run(FileInfo referencesFile, FileInfo listingsFile, FileInfo? truthFile, FileInfo? modelFile, FileInfo outputFile, TrainingOptions options)
    {
        if (options.RandomPairs < 1)
        {
            AnsiConsole.MarkupLine("[red]error:[/] --random-pairs must be at least 1");
            return ExitCodes.BadInput;
        }
        if (options.TargetPrecision is not (null or (> 0 and <= 1)) || options.TargetRecall is not (> 0 and <= 1))
        {
            AnsiConsole.MarkupLine("[red]error:[/] --target-precision and --target-recall must be in (0, 1]");
            return ExitCodes.BadInput;
        }
        try
        {
            var engine = modelFile is null
                ? LinkEngine.Default
                : LinkEngine.Create(MatchModelJson.Load(modelFile.FullName), LinkEngine.Default.Names, LinkEngine.Default.Places);
            var labels = truthFile is null ? null : TrainingLabels.FromTruthFile(truthFile.FullName);
            var references = RecordFileReader.ReadReferences(referencesFile.FullName);
            var listings = RecordFileReader.ReadListings(listingsFile.FullName);
            IngestSummary.Print(references);
            IngestSummary.Print(listings);
            var report = ConsoleProgress.Run("training", _ =>
                ModelTrainer.Train(references.Records, listings.Records, engine, options, labels));
            Print(report);
            MatchModelJson.Save(report.Model, outputFile.FullName);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"model ({report.Chosen}): {outputFile.FullName}");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IngestException or InvalidDataException or EvaluationInputException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static void Print(TrainingReport report)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{report.RandomPairs:N0} random pairs for u; {report.CandidatePairs:N0} blocked candidate pairs");
        var sessions = new Table().Title("EM sessions (one per blocking rule)")
            .AddColumns("blocking rule", "pairs", "patterns", "held fixed", "iterations", "converged", "λ", "expected matches", "used");
        foreach (var s in report.Sessions)
        {
            sessions.AddRow(
                Markup.Escape(s.BlockingRule), N(s.Pairs), N(s.DistinctPatterns), Markup.Escape(string.Join(", ", s.FixedComparisons)),
                N(s.Iterations), s.Converged ? "yes" : "[red]no[/]", F(s.Lambda, "0.0000"), F(s.ExpectedMatches, "N0"), s.Used ? "yes" : "no");
        }
        AnsiConsole.Write(sessions);

        var em = report.UnsupervisedModel;
        var levels = new Table().Title($"m, u and weights per level (EM model; prior {F(em.Prior, "0.######")})")
            .AddColumns("comparison", "level", "m", "u", "EM weight", $"{Markup.Escape(report.Chosen)} weight");
        var chosen = report.Model;
        foreach (var (comparison, chosenComparison) in em.Comparisons.Zip(chosen.Comparisons))
        {
            foreach (var (level, chosenLevel) in comparison.Levels.Zip(chosenComparison.Levels))
            {
                levels.AddRow(
                    Markup.Escape(comparison.Name), Markup.Escape(level.Name),
                    level.IsNull ? "—" : F(level.M, "0.00000"), level.IsNull ? "—" : F(level.U, "0.00000"),
                    Weight(level), Weight(chosenLevel));
            }
        }
        AnsiConsole.Write(levels);

        if (report.HeldOut.Count > 0)
        {
            var heldOut = new Table().Title(string.Create(CultureInfo.InvariantCulture,
                    $"held-back labels: {report.HeldOut[0].Pairs:N0} pairs, {report.HeldOut[0].Matches:N0} matches (of {report.LabelledPairs:N0} labelled, {report.LabelledMatches:N0} matches)"))
                .AddColumns("candidate", "log loss", "Brier", "AUC", "chosen");
            foreach (var score in report.HeldOut)
            {
                heldOut.AddRow(Markup.Escape(score.Candidate), F(score.LogLoss, "0.00000"), F(score.Brier, "0.00000"), F(score.Auc, "0.00000"),
                    score.Candidate == report.Chosen ? "✓" : string.Empty);
            }
            AnsiConsole.Write(heldOut);
        }
        if (report.Thresholds is { } thresholds)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"thresholds on held-back pairs scored as link scores them ({thresholds.Pairs:N0} kept candidates, {thresholds.MatchesScored:N0} of the {thresholds.Matches:N0} held-back matches among them): match ≥ {thresholds.Thresholds.Match:0.####} (precision {thresholds.PrecisionAtMatch:0.000} for target {thresholds.TargetPrecision}, recall {thresholds.RecallAtMatch:0.000}); review ≥ {thresholds.Thresholds.Review:0.####} (recall {thresholds.RecallAtReview:0.000} for target {thresholds.TargetRecall})");
        }
        if (report.Siblings is { } siblings)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"sibling weight {siblings.Weight:+0.00;-0.00}: a sibling co-listed for {siblings.SupportedMatches:N0} of {siblings.Matches:N0} labelled matches and {siblings.SupportedNonMatches:N0} of {siblings.NonMatches:N0} non-matches among kept candidates");
        }
        foreach (var warning in report.Warnings)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]warning:[/] {warning}");
        }
    }

    private static string Weight(LevelModel level) =>
        level.IsNull ? "0" : F(level.Weight ?? Math.Log2(level.M / level.U), "+0.00;-0.00");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
