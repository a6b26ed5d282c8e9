using System.CommandLine;
using System.Globalization;
using Linkage.Storage;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage review list</c>: the queue, filtered and ordered, with the version to quote when deciding.</summary>
internal static class ReviewListCommand
{
    private const string Statuses = "any, undecided, decided, rereview, confirmed, rejected, unsure";

    public static Command Create()
    {
        var status = new Option<string>("--status") { Description = Statuses, DefaultValueFactory = _ => "undecided" };
        var order = new Option<string>("--order") { Description = "probability, uncertainty or reference", DefaultValueFactory = _ => "probability" };
        var source = new Option<string?>("--source") { Description = "Only listings of this source" };
        var region = new Option<string?>("--region") { Description = "Only listings placed in this region" };
        var min = new Option<double?>("--min") { Description = "Lowest match probability" };
        var max = new Option<double?>("--max") { Description = "Highest match probability" };
        var limit = new Option<int>("--limit") { Description = "At most this many pairs", DefaultValueFactory = _ => 50 };
        var database = StoreOption.Create();
        var command = new Command("list", "Show candidate pairs of the review queue.") { status, order, source, region, min, max, limit, database };
        command.SetAction(parse =>
        {
            var query = ParseStatus(parse.GetValue(status)!);
            if (query is null || !Enum.TryParse<QueueOrder>(parse.GetValue(order), ignoreCase: true, out var queueOrder) || !Enum.IsDefined(queueOrder))
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] --status is one of {Statuses}; --order is probability, uncertainty or reference");
                return ExitCodes.BadInput;
            }
            query = query with
            {
                Order = queueOrder,
                Source = parse.GetValue(source),
                PlacementRegion = parse.GetValue(region),
                MinProbability = parse.GetValue(min),
                MaxProbability = parse.GetValue(max),
                Limit = parse.GetValue(limit),
            };
            using var store = LinkStores.Open(parse.GetValue(database)!);
            Print(store.Queue(query));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A queue status or a decision, as a query; null when the text is neither.</summary>
    internal static QueueQuery? ParseStatus(string text) =>
        text.Trim().ToLowerInvariant() switch
        {
            "any" => new QueueQuery { Status = QueueStatus.Any },
            "undecided" => new QueueQuery { Status = QueueStatus.Undecided },
            "decided" => new QueueQuery { Status = QueueStatus.Decided },
            "rereview" => new QueueQuery { Status = QueueStatus.NeedsRereview },
            var other when ReviewDecisionText.TryParse(other, out var decision) => new QueueQuery { Decision = decision },
            _ => null,
        };

    /// <summary>Cells are <see cref="Text"/>, never markup: listing fields are scraped and may be hostile.</summary>
    private static void Print(IReadOnlyList<QueueItem> pairs)
    {
        var table = new Table().AddColumns("reference", "listing", "source", "region", "probability", "model", "decision", "version", "flag");
        foreach (var pair in pairs)
        {
            table.AddRow(
                new Text(pair.ReferenceId),
                new Text(pair.ListingId + (pair.ListingVanished ? " (vanished)" : string.Empty)),
                new Text(pair.Source),
                new Text(pair.PlacementRegion),
                new Text(pair.MatchProbability.ToString("0.0000", CultureInfo.InvariantCulture)),
                new Text(pair.MachineDecision.ToString()),
                new Text(pair.Decision?.ToText() ?? string.Empty),
                new Text(pair.Version.ToString(CultureInfo.InvariantCulture)),
                new Text(pair.NeedsRereview ? "re-review: " + pair.RereviewReason : string.Empty));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{pairs.Count} pairs");
    }
}
