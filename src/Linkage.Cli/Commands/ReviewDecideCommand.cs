using System.CommandLine;
using System.Globalization;
using Linkage.Storage;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage review decide</c>: one decision, audited, refused with exit code 3 if the pair moved on.</summary>
internal static class ReviewDecideCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "Reference (child) id" };
        var listing = new Argument<string>("listing") { Description = "Listing id" };
        var decision = new Option<string>("--decision") { Description = "confirmed, rejected or unsure", Required = true };
        var reviewer = new Option<string>("--reviewer") { Description = "User name of a reviewer or admin", Required = true };
        var note = new Option<string>("--note") { Description = "Why", DefaultValueFactory = _ => string.Empty };
        var version = new Option<long?>("--version") { Description = "The pair version you reviewed (from review list); without it, the current version" };
        var database = StoreOption.Create();
        var command = new Command("decide", "Confirm, reject or mark unsure one candidate pair.")
        {
            reference, listing, decision, reviewer, note, version, database,
        };
        command.SetAction(parse => Run(parse.GetValue(reference)!, parse.GetValue(listing)!, parse.GetValue(decision)!,
            parse.GetValue(reviewer)!, parse.GetValue(note)!, parse.GetValue(version), parse.GetValue(database)!));
        return command;
    }

    internal static int Run(string referenceId, string listingId, string decisionText, string reviewer, string note, long? seenVersion, string database)
    {
        if (!ReviewDecisionText.TryParse(decisionText, out var decision))
        {
            AnsiConsole.MarkupLine("[red]error:[/] --decision is confirmed, rejected or unsure");
            return ExitCodes.BadInput;
        }
        if (note.Contains('\0', StringComparison.Ordinal))
        {
            AnsiConsole.MarkupLine("[red]error:[/] --note contains a NUL character");
            return ExitCodes.BadInput;
        }
        using var store = LinkStores.Open(database);
        var version = seenVersion ?? store.GetPair(referenceId, listingId)?.Version ?? 0;
        var result = store.Decide(new DecisionRequest(referenceId, listingId, decision, reviewer, version, note));
        var color = result.Status == DecisionStatus.Saved ? "green" : "red";
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{color}]{result.Status.ToString().ToLowerInvariant()}:[/] {result.Message}");
        return result.Status switch
        {
            DecisionStatus.Saved => ExitCodes.Success,
            DecisionStatus.Conflict => ExitCodes.Conflict,
            _ => ExitCodes.BadInput,
        };
    }
}
