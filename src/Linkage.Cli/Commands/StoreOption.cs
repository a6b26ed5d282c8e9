using System.CommandLine;

namespace Linkage.Cli.Commands;

/// <summary>The <c>--db</c> option every command that opens the review queue shares.</summary>
internal static class StoreOption
{
    /// <summary>
    /// Where <c>--db</c> is read from when not given. A PostgreSQL connection string holds a password, and a
    /// command line is visible to every user of the machine (<c>ps</c>) and in a pod's spec; an environment variable,
    /// filled from a secret, is not.
    /// </summary>
    public const string EnvironmentVariable = "LINKAGE_DB";

    public static Option<string> Create() => new("--db")
    {
        Description = "Review-queue database: a SQLite file path or a PostgreSQL connection string (Host=… or postgres://…) " +
            $"(default: ${EnvironmentVariable}, else ./{LinkCommand.DefaultDatabase}; prefer ${EnvironmentVariable} for a connection string with a password)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : LinkCommand.DefaultDatabase,
    };
}
