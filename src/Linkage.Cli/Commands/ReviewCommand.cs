using System.CommandLine;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage review list|decide|export</c>: the review queue for scripts, the web app's twins.</summary>
internal static class ReviewCommand
{
    public static Command Create() =>
        new("review", "List, decide and export the review queue.")
        {
            ReviewListCommand.Create(),
            ReviewDecideCommand.Create(),
            ReviewExportCommand.Create(),
        };
}
