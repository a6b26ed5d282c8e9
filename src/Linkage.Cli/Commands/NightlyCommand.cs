using System.CommandLine;
using Linkage.Cli.Nightly;
using Linkage.Linking;
using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage nightly</c>: one run over the inbox, then exit; for cron, a systemd timer or a Kubernetes CronJob.</summary>
internal static class NightlyCommand
{
    public static Command Create()
    {
        var options = new NightlyOptions();
        var command = new Command("nightly",
            "Link the inbox's new files once and exit. Exit 0: done or nothing to do; 1: failed; 2: bad input; 75: another run holds the lock; " +
            "143: stopped by SIGTERM/Ctrl+C, the run recorded cancelled.");
        options.AddTo(command);
        var shard = new Option<string?>("--shard")
        {
            Description = "Link shard K of N (K from 0), one of N processes started by a scheduler (Kubernetes Indexed Job: " +
                "$JOB_COMPLETION_INDEX; Slurm array: $SLURM_ARRAY_TASK_ID) that share one PostgreSQL store and together " +
                "record exactly what one unsharded run records",
        };
        command.Options.Add(shard);
        command.SetAction((parse, commandToken) => ProcessShutdown.RunToEndAsync(async cancellationToken =>
        {
            using var logging = LoggerFactory.Create(builder => builder.AddJsonLogs());
            var logger = logging.CreateLogger("Linkage.Nightly");
            var (settings, problem) = options.Settings(parse);
            if (settings is not null && parse.GetValue(shard) is { } shardText)
            {
                var (parsed, shardProblem) = LinkShard.Parse(shardText);
                settings = parsed is null ? null : settings with { LinkOptions = settings.LinkOptions with { Shard = parsed } };
                problem = shardProblem;
            }
            if (settings is null)
            {
                NightlyLog.BadInput(logger, problem!);
                return ExitCodes.BadInput;
            }
            var outcome = await NightlyJob.RunAsync(settings, logger, cancellationToken);
            return outcome.ExitCode();
        }, commandToken));
        return command;
    }
}
