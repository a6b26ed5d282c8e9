using System.CommandLine;
using Linkage.Cli.Commands;

var root = new RootCommand("linkage: finds children reported missing or deported in child-placement listings.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
// Arguments are data (a note may start with @), never response files to expand.
var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
return await root.Parse(args, configuration).InvokeAsync();
