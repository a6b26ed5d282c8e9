using System.CommandLine;
using System.Globalization;
using Linkage.Storage;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary><c>linkage users add</c>: local accounts for the review app. The password never travels in argv.</summary>
internal static class UsersCommand
{
    public const string PasswordVariable = "LINKAGE_NEW_PASSWORD";

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "User name", Required = true };
        var role = new Option<string>("--role") { Description = "investigator, reviewer or admin", Required = true };
        var database = StoreOption.Create();
        var add = new Command("add", $"Add a user; the password is read from ${PasswordVariable} or else from the first line of standard input.")
        {
            name, role, database,
        };
        add.SetAction(parse => Add(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(database)!,
            Environment.GetEnvironmentVariable(PasswordVariable), Console.In));
        return new Command("users", "Manage the review app's users.") { add };
    }

    internal static int Add(string name, string roleText, string database, string? passwordFromEnvironment, TextReader standardInput)
    {
        if (!UserRoleText.TryParse(roleText, out var role))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] unknown role '{roleText}'; use investigator, reviewer or admin");
            return ExitCodes.BadInput;
        }
        if (string.IsNullOrWhiteSpace(name) || name.Contains('\0', StringComparison.Ordinal))
        {
            AnsiConsole.MarkupLine("[red]error:[/] --name must be a non-empty name");
            return ExitCodes.BadInput;
        }
        var password = string.IsNullOrEmpty(passwordFromEnvironment) ? standardInput.ReadLine() : passwordFromEnvironment;
        if (string.IsNullOrEmpty(password))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] no password: set ${PasswordVariable} or write it on standard input");
            return ExitCodes.BadInput;
        }
        if (password.Length < 12)
        {
            AnsiConsole.MarkupLine("[red]error:[/] the password must have at least 12 characters");
            return ExitCodes.BadInput;
        }
        using var store = LinkStores.Open(database);
        if (!store.AddUser(name, role, password, "cli:" + Environment.UserName))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] a user named '{name}' already exists");
            return ExitCodes.BadInput;
        }
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"added {name} as {role.ToText()} to {store.Location}");
        return ExitCodes.Success;
    }
}
