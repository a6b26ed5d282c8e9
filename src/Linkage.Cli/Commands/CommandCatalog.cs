using System.CommandLine;

namespace Linkage.Cli.Commands;

/// <summary>Every top-level command of the <c>linkage</c> tool; each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        LinkCommand.Create(),
        SynthCommand.Create(),
        EvaluateCommand.Create(),
        BlockingReportCommand.Create(),
        TrainCommand.Create(),
        ExplainCommand.Create(),
        DemoCommand.Create(),
        NightlyCommand.Create(),
        WorkerCommand.Create(),
        ReviewCommand.Create(),
        UsersCommand.Create(),
        ServeCommand.Create(),
        NamesCommand.Create(),
        PlacesCommand.Create(),
    ];
}
