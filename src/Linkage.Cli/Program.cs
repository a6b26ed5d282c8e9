using System.CommandLine;
using Linkage.Cli.Commands;

var root = new RootCommand("linkage: finds children reported missing or deported in child-placement listings.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
