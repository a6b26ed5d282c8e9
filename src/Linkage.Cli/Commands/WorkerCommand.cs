using System.CommandLine;
using Linkage.Cli.Nightly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage worker</c>: a long-running service that runs the nightly job whenever files arrive in the inbox.</summary>
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
        var command = new Command("worker",
            "Poll the inbox and link new files as they arrive, until stopped (SIGTERM/Ctrl+C cancel the current run cleanly).") { interval };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders().AddJsonLogs();
            var (settings, problem) = options.Settings(parse);
            var every = parse.GetValue(interval);
            if (settings is null || every <= TimeSpan.Zero)
            {
                using var logging = LoggerFactory.Create(b => b.AddJsonLogs());
                NightlyLog.BadInput(logging.CreateLogger("Linkage.Nightly"), problem ?? "--interval must be positive");
                return ExitCodes.BadInput;
            }
            builder.Services.AddHostedService(services =>
                new NightlyWorker(settings, every, services.GetRequiredService<ILogger<NightlyWorker>>()));
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
