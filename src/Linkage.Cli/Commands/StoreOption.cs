using System.CommandLine;

namespace Linkage.Cli.Commands;

/// <summary>The <c>--db</c> option the review and user commands share with <c>link</c>.</summary>
internal static class StoreOption
{
    public static Option<string> Create() => new("--db")
    {
        Description = $"Review-queue database: a SQLite file path or a PostgreSQL connection string (Host=… or postgres://…) (default: ./{LinkCommand.DefaultDatabase})",
        DefaultValueFactory = _ => LinkCommand.DefaultDatabase,
    };
}
