using System.CommandLine;
using System.Globalization;
using Linkage.Storage;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage review assign</c>: gives children (with all their candidate pairs) to a reviewer, or back to no one;
/// the web queue's assignment form for scripts. Only an admin may, and every change is audited under their name.
/// </summary>
internal static class ReviewAssignCommand
{
    public static Command Create()
    {
        var references = new Option<string[]>("--reference") { Description = "Reference (child) id; repeat for several", Required = true };
        var to = new Option<string?>("--to") { Description = "User name of the reviewer or admin who takes the children" };
        var unassign = new Option<bool>("--unassign") { Description = "Return the children to no one instead" };
        var by = new Option<string>("--by") { Description = "User name of the admin assigning (recorded in the audit log)", Required = true };
        var database = StoreOption.Create();
        var command = new Command("assign", "Assign children of the review queue to a reviewer.") { references, to, unassign, by, database };
        command.SetAction(parse => Run(parse.GetValue(references) ?? [], parse.GetValue(to), parse.GetValue(unassign), parse.GetValue(by)!,
            parse.GetValue(database)!));
        return command;
    }

    internal static int Run(IReadOnlyCollection<string> referenceIds, string? assignee, bool unassign, string actor, string database)
    {
        if (referenceIds.Count == 0 || (assignee is null) != unassign)
        {
            AnsiConsole.MarkupLine("[red]error:[/] give --reference at least once, and either --to NAME or --unassign");
            return ExitCodes.BadInput;
        }
        using var store = LinkStores.Open(database);
        var result = assignee is null ? store.Unassign(referenceIds, actor) : store.Assign(referenceIds, assignee, actor);
        var saved = result.Status == AssignmentStatus.Saved;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[{(saved ? "green" : "red")}]{(saved ? "saved" : "refused")}:[/] {result.Message}");
        return saved ? ExitCodes.Success : ExitCodes.BadInput;
    }
}
