using Microsoft.Extensions.Logging;

namespace Linkage.Cli.Nightly;

/// <summary>One JSON object per line on standard output, UTC timestamps: what log collectors (journald, Kubernetes, Loki) ingest.</summary>
internal static class JsonLogs
{
    public static ILoggingBuilder AddJsonLogs(this ILoggingBuilder builder) => builder
        .SetMinimumLevel(LogLevel.Information)
        .AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
}
