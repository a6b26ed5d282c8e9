using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Linkage.Review;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage serve</c>: the review web app over the review queue's database.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    private const string InProcess = "in-process";
    private const string External = "external";

    public static Command Create()
    {
        var database = StoreOption.Create();
        var urls = new Option<string>("--urls") { Description = $"Where to listen (default: {DefaultUrls}); keep it on localhost behind a TLS proxy" };
        var uploadsWorker = new Option<string>("--uploads-worker")
        {
            Description = $"Who links uploaded files: '{InProcess}' (default: this app, one machine needs nothing else) or " +
                $"'{External}' (the app only queues them for `linkage worker` processes)",
            DefaultValueFactory = _ => InProcess,
        };
        uploadsWorker.AcceptOnlyFromAmong(InProcess, External);
        var command = new Command("serve", "Serve the review web app: queue, pairs, decisions, summary, exports and uploads.") { database, urls, uploadsWorker };
        command.SetAction((parse, commandToken) => ProcessShutdown.RunToEndAsync(async cancellationToken =>
        {
            var options = new ReviewOptions
            {
                Database = parse.GetValue(database) ?? LinkCommand.DefaultDatabase,
                UploadsWorker = parse.GetValue(uploadsWorker) == External ? UploadsWorker.External : UploadsWorker.InProcess,
            };
            await using var app = ReviewApp.Create(options, parse.GetValue(urls) ?? DefaultUrls);
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"review app listening on {string.Join(", ", app.Urls)} (Ctrl+C stops it)");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        }, commandToken));
        return command;
    }
}
