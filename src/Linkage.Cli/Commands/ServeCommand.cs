using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Linkage.Review;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage serve</c>: the review web app over the review queue's database.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var database = StoreOption.Create();
        var urls = new Option<string>("--urls") { Description = $"Where to listen (default: {DefaultUrls}); keep it on localhost behind a TLS proxy" };
        var command = new Command("serve", "Serve the review web app: queue, pairs, decisions, summary, exports and uploads.") { database, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ReviewOptions { Database = parse.GetValue(database) ?? LinkCommand.DefaultDatabase };
            await using var app = ReviewApp.Create(options, parse.GetValue(urls) ?? DefaultUrls);
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"review app listening on {string.Join(", ", app.Urls)} (Ctrl+C stops it)");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
