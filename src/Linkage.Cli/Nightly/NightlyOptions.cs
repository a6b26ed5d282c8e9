using System.CommandLine;
using Linkage.Cli.Commands;
using Linkage.Linking;

namespace Linkage.Cli.Nightly;

/// <summary>The options <c>nightly</c> and <c>worker</c> share, and the settings they make.</summary>
internal sealed class NightlyOptions
{
    private readonly Option<DirectoryInfo> _inbox = new("--inbox")
    {
        Description = "Folder receiving references*.csv and listings*.csv; processed files move to <inbox>/processed/run-<id>/",
        Required = true,
    };
    private readonly Option<string> _database = StoreOption.Create();
    private readonly Option<FileInfo?> _model = new("--model") { Description = "A model JSON to use instead of the shipped default" };
    private readonly Option<int> _top = new("--top") { Description = "Candidates kept per reference", DefaultValueFactory = _ => 10 };
    private readonly Option<bool> _wait = new("--wait") { Description = "Wait for a run holding the lock to finish instead of exiting with code 75" };
    private readonly Option<bool> _full = new("--full")
    {
        Description = "Relink every stored reference against every current listing; by default only what changed since the last run is linked",
    };
    private readonly KnowledgeOptions _knowledge = new();

    public void AddTo(Command command)
    {
        command.Options.Add(_inbox);
        command.Options.Add(_database);
        command.Options.Add(_model);
        command.Options.Add(_top);
        command.Options.Add(_wait);
        command.Options.Add(_full);
        _knowledge.AddTo(command);
    }

    /// <summary>The settings, or null with the problem when the options cannot be used.</summary>
    public (NightlySettings? Settings, string? Problem) Settings(ParseResult parse)
    {
        var top = parse.GetValue(_top);
        if (top < 1)
        {
            return (null, "--top must be at least 1");
        }
        var model = parse.GetValue(_model);
        var engineLoading = Task.Run(() => LinkCommand.CreateEngine(model, _knowledge.Names(parse), _knowledge.Places(parse)));
        return (new NightlySettings(
            parse.GetValue(_inbox)!.FullName,
            parse.GetValue(_database) ?? LinkCommand.DefaultDatabase,
            engineLoading,
            new LinkOptions { MaxCandidatesPerReference = top })
        {
            Wait = parse.GetValue(_wait),
            Full = parse.GetValue(_full),
        }, null);
    }
}
