using System.Reflection;
using Linkage.Blocking;
using Linkage.Names;
using Linkage.Places;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// Everything a run needs that is loaded once and shared: the model, the name knowledge and the gazetteer.
/// Immutable and safe to share between runs and threads.
/// </summary>
public sealed class LinkEngine
{
    private LinkEngine(MatchModel model, NameKnowledge names, Gazetteer places, IReadOnlyList<BlockingRule> rules)
    {
        Model = model;
        Names = names;
        Places = places;
        BlockingRules = rules;
    }

    /// <summary>The model that ships with the project, embedded in the library.</summary>
    public static MatchModel DefaultModel { get; } = LoadDefaultModel();

    private static readonly Lazy<LinkEngine> DefaultEngine = new(() => Create(DefaultModel, NameKnowledge.Default, Gazetteer.Default));

    /// <summary>The default model with the embedded name knowledge and gazetteer.</summary>
    public static LinkEngine Default => DefaultEngine.Value;

    public MatchModel Model { get; }

    public NameKnowledge Names { get; }

    public Gazetteer Places { get; }

    internal IReadOnlyList<BlockingRule> BlockingRules { get; }

    public static LinkEngine Create(MatchModel model, NameKnowledge names, Gazetteer places)
    {
        if (model.BlockingRules.Count == 0)
        {
            throw new InvalidDataException($"model '{model.Name}' has no blocking rules");
        }
        return new LinkEngine(model, names, places, BlockingRule.FromModels(model.BlockingRules));
    }

    private static MatchModel LoadDefaultModel()
    {
        const string resource = "Linkage.Data.Models/default-model.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from this build");
        using var reader = new StreamReader(stream);
        return MatchModelJson.Deserialize(reader.ReadToEnd(), "default model");
    }
}
