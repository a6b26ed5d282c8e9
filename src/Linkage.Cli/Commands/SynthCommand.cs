using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Linkage.Synthetic;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage synth</c>: writes a synthetic corpus (references, listings, truth) for evaluation and demos.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var defaults = new SynthOptions();
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Directory for references.csv, listings.csv and truth.csv", Required = true };
        var children = new Option<int>("--children")
        {
            Description = "Children on the reference side",
            DefaultValueFactory = _ => defaults.Children,
        };
        var listingsPerChild = new Option<double>("--listings-per-child")
        {
            Description = "Mean listing rows (nightly scrapes and re-listings) per listed child",
            DefaultValueFactory = _ => defaults.ListingsPerChild,
        };
        var distractors = new Option<int?>("--distractors")
        {
            Description = $"Russian distractor children (default: {defaults.DistractorsPerChild} per reference child)",
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same seed writes identical files", DefaultValueFactory = _ => defaults.Seed };

        var command = new Command("synth", "Write a synthetic corpus of Ukrainian children and drifted Russian listings, with the truth.");
        command.Options.Add(outDir);
        command.Options.Add(children);
        command.Options.Add(listingsPerChild);
        command.Options.Add(distractors);
        command.Options.Add(seed);
        command.SetAction(parseResult =>
        {
            var options = defaults with
            {
                Children = parseResult.GetValue(children),
                ListingsPerChild = parseResult.GetValue(listingsPerChild),
                Distractors = parseResult.GetValue(distractors),
                Seed = parseResult.GetValue(seed),
            };
            var directory = parseResult.GetValue(outDir)!.FullName;
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Invalid option:[/] {e.Message}");
                return 2;
            }
            return Run(options, directory);
        });
        return command;
    }

    private static int Run(SynthOptions options, string directory)
    {
        var stopwatch = Stopwatch.StartNew();
        SynthSummary? summary = null;
        try
        {
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("Generating corpus", maxValue: 1);
                    summary = CorpusGenerator.Write(options, directory, new Progress<double>(done => task.Value = done));
                    task.Value = 1;
                });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Cannot write the corpus:[/] {e.Message}");
            return 1;
        }
        stopwatch.Stop();
        PrintSummary(summary!, directory, stopwatch.Elapsed);
        return 0;
    }

    private static void PrintSummary(SynthSummary summary, string directory, TimeSpan elapsed)
    {
        static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
        var counts = new Table().AddColumn("Corpus").AddColumn(new TableColumn("Count").RightAligned());
        counts.AddRow("reference children", N(summary.Children));
        counts.AddRow("families", N(summary.Families));
        counts.AddRow("reference rows (with duplicate reports)", N(summary.References));
        counts.AddRow("listed reference children", N(summary.ListedChildren));
        counts.AddRow("listing rows of reference children", N(summary.TrueListings));
        counts.AddRow("distractor children", N(summary.DistractorChildren));
        counts.AddRow("distractor listing rows", N(summary.DistractorListings));
        counts.AddRow("listing rows in all", N(summary.Listings));
        counts.AddRow("truth pairs", N(summary.TruthPairs));
        AnsiConsole.Write(counts);

        var alterations = new Table().AddColumn("Alteration").AddColumn(new TableColumn("Applied").RightAligned())
            .AddColumn(new TableColumn("Eligible").RightAligned()).AddColumn(new TableColumn("Rate").RightAligned());
        foreach (var (kind, count) in summary.Alterations.OrderBy(a => a.Key))
        {
            alterations.AddRow(kind.ToString(), N(count.Applied), N(count.Eligible), count.Rate.ToString("P1", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(alterations);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {directory} in {elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s.");
    }
}
