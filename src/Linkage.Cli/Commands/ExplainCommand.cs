using System.CommandLine;
using System.Globalization;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Scoring;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage explain REF_ID LISTING_ID</c>: one pair's evidence, comparison by comparison.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var referenceId = new Argument<string>("REF_ID") { Description = "record_id of the reference" };
        var listingId = new Argument<string>("LISTING_ID") { Description = "listing_id of the listing" };
        var references = new Option<FileInfo>("--references") { Description = "References CSV", Required = true };
        var listings = new Option<FileInfo>("--listings") { Description = "Listings CSV", Required = true };
        var model = new Option<FileInfo?>("--model") { Description = "A model JSON to use instead of the shipped default" };
        var command = new Command("explain", "Show why a reference and a listing score as they do: each comparison's level, weight and the values that met.")
        {
            referenceId, listingId, references, listings, model,
        };
        command.SetAction(parse => Run(
            parse.GetValue(referenceId)!, parse.GetValue(listingId)!, parse.GetValue(references)!, parse.GetValue(listings)!, parse.GetValue(model)));
        return command;
    }

    private static int Run(string referenceId, string listingId, FileInfo referencesFile, FileInfo listingsFile, FileInfo? modelFile)
    {
        try
        {
            var engine = modelFile is null
                ? LinkEngine.Default
                : LinkEngine.Create(MatchModelJson.Load(modelFile.FullName), LinkEngine.Default.Names, LinkEngine.Default.Places);
            var reference = RecordFileReader.ReadReferences(referencesFile.FullName).Records.FirstOrDefault(r => r.RecordId == referenceId);
            var listings = RecordFileReader.ReadListings(listingsFile.FullName).Records;
            var listing = listings.FirstOrDefault(l => l.ListingId == listingId);
            if (reference is null || listing is null)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[red]error:[/] {(reference is null ? $"no reference '{referenceId}' in {referencesFile.Name}" : $"no listing '{listingId}' in {listingsFile.Name}")}");
                return ExitCodes.BadInput;
            }
            // Among all the listings, so term frequencies are those `link` computes.
            Print(PairExplainer.Explain(reference, listings, listingId, engine), engine.Model);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IngestException or InvalidDataException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static void Print(CandidateMatch match, MatchModel model)
    {
        var table = new Table().Title($"{Markup.Escape(match.ReferenceId)} × {Markup.Escape(match.ListingId)} under {Markup.Escape(model.Name)}")
            .AddColumns("comparison", "level", "weight", "of which term frequency", "what met");
        table.AddRow("prior", string.Empty, W(Math.Log2(model.Prior / (1 - model.Prior))), string.Empty, string.Empty);
        foreach (var evidence in match.Evidence)
        {
            table.AddRow(
                Markup.Escape(evidence.Comparison), Markup.Escape(evidence.Level), W(evidence.Weight),
                evidence.TermFrequency == 0 ? string.Empty : W(evidence.TermFrequency), Markup.Escape(evidence.Detail));
        }
        table.AddRow("[bold]total[/]", string.Empty, $"[bold]{W(match.MatchWeight)}[/]", string.Empty,
            string.Create(CultureInfo.InvariantCulture, $"probability {match.MatchProbability:0.######}, decision {match.Decision.ToText()}"));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"blocking: {(match.BlockingRules.Count == 0 ? "no rule proposes this pair" : string.Join(", ", match.BlockingRules))}");
    }

    private static string W(double weight) => weight.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
