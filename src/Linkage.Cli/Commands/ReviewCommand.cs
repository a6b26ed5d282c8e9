using System.CommandLine;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage review list|decide|assign|export</c>: the review queue for scripts, the web app's twins.</summary>
internal static class ReviewCommand
{
    public static Command Create() =>
        new("review", "List, decide, assign and export the review queue.")
        {
            ReviewListCommand.Create(),
            ReviewDecideCommand.Create(),
            ReviewAssignCommand.Create(),
            ReviewExportCommand.Create(),
        };
}
