using System.CommandLine;
using Linkage.Cli.Nightly;
using Linkage.Review.Jobs;
using Linkage.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage worker</c>: a long-running service that runs the nightly job whenever files arrive in the inbox and
/// links the review app's queued uploads. Any number of workers may share a store: the nightly lock lets one run
/// take the inbox at a time, the upload lock one runner link uploads at a time, and each job is claimed by one.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var options = new NightlyOptions();
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "How often to look at the inbox, as hh:mm:ss (default: 00:05:00)",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(5),
        };
        var defaults = new UploadRunnerOptions();
        var uploadPoll = new Option<TimeSpan>("--upload-poll")
        {
            Description = $"How often to look for queued uploads, as hh:mm:ss (default: {defaults.Poll})",
            DefaultValueFactory = _ => defaults.Poll,
        };
        var uploadStaleAfter = new Option<TimeSpan>("--upload-stale-after")
        {
            Description = $"Queue an upload job again when its runner has not reported for this long, as hh:mm:ss (default: {defaults.StaleAfter})",
            DefaultValueFactory = _ => defaults.StaleAfter,
        };
        var command = new Command("worker",
            "Poll the inbox and the review app's upload queue and link what arrives, until stopped (SIGTERM/Ctrl+C cancel the current " +
            "runs cleanly: recorded cancelled, files and upload jobs left for the next run).") { interval, uploadPoll, uploadStaleAfter };
        options.AddTo(command);
        command.SetAction((parse, commandToken) => ProcessShutdown.RunToEndAsync(async cancellationToken =>
        {
            var (settings, problem) = options.Settings(parse);
            var every = parse.GetValue(interval);
            var uploads = defaults with { Poll = parse.GetValue(uploadPoll), StaleAfter = parse.GetValue(uploadStaleAfter) };
            problem ??= every <= TimeSpan.Zero ? "--interval must be positive"
                : uploads.Poll <= TimeSpan.Zero ? "--upload-poll must be positive"
                : uploads.StaleAfter <= uploads.Heartbeat * 2 ? $"--upload-stale-after must exceed twice the heartbeat ({uploads.Heartbeat})"
                : null;
            if (settings is null || problem is not null)
            {
                using var logging = LoggerFactory.Create(b => b.AddJsonLogs());
                NightlyLog.BadInput(logging.CreateLogger("Linkage.Nightly"), problem!);
                return ExitCodes.BadInput;
            }
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders().AddJsonLogs();
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ProcessShutdown.Limit);
            builder.Services.AddHostedService(services =>
                new NightlyWorker(settings, every, services.GetRequiredService<ILogger<NightlyWorker>>()));
            builder.Services.AddSingleton(_ => new UploadJobRunner(settings.Database, settings.Engine, settings.LinkOptions, uploads));
            builder.Services.AddHostedService<UploadJobService>();
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }, commandToken));
        return command;
    }
}
