using System.CommandLine;
using Linkage.Names;
using Linkage.Places;

namespace Linkage.Cli;

/// <summary>
/// The options that load larger linguistic data by path on top of the embedded tables: user name dictionaries
/// (<c>uk,ru,rank</c> CSV) and OCHA's full settlement list. Shared by every command that normalizes records.
/// </summary>
internal sealed class KnowledgeOptions
{
    public Option<string?> GivenDictionary { get; } = new("--given-dictionary") { Description = "Extra given-name CSV (uk,ru,rank)." };
    public Option<string?> PatronymicDictionary { get; } = new("--patronymic-dictionary") { Description = "Extra patronymic CSV (uk,ru,rank)." };
    public Option<string?> SurnameDictionary { get; } = new("--surname-dictionary") { Description = "Extra surname CSV (uk,ru,rank)." };
    public Option<string?> Ocha { get; } = new("--ocha") { Description = "Folder with OCHA's admin CSVs, to add every Ukrainian settlement to the gazetteer." };

    public void AddNameOptionsTo(Command command)
    {
        command.Options.Add(GivenDictionary);
        command.Options.Add(PatronymicDictionary);
        command.Options.Add(SurnameDictionary);
    }

    public void AddTo(Command command)
    {
        AddNameOptionsTo(command);
        command.Options.Add(Ocha);
    }

    /// <summary>The embedded name knowledge, or it with the given dictionaries loaded.</summary>
    public NameKnowledge Names(ParseResult parse)
    {
        var paths = new NameDictionaryPaths
        {
            GivenNames = parse.GetValue(GivenDictionary),
            Patronymics = parse.GetValue(PatronymicDictionary),
            Surnames = parse.GetValue(SurnameDictionary),
        };
        return paths.GivenNames is null && paths.Patronymics is null && paths.Surnames is null
            ? NameKnowledge.Default
            : NameKnowledge.Load(paths);
    }

    public Gazetteer Places(ParseResult parse) =>
        parse.GetValue(Ocha) is { } folder ? Gazetteer.LoadWithOcha(folder) : Gazetteer.Default;
}
