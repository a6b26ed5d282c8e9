namespace Linkage.Blocking;

/// <summary>A blocking rule: two records are a candidate pair when they share a value for every part.</summary>
internal sealed record BlockingRule(string Name, IReadOnlyList<BlockingKeyPart> Parts)
{
    public static BlockingRule FromModel(Scoring.BlockingRuleModel model)
    {
        if (model.Keys.Count == 0)
        {
            throw new InvalidDataException($"blocking rule '{model.Name}' names no keys");
        }
        return new BlockingRule(model.Name, model.Keys.Select(BlockingKeyPartNames.Parse).ToArray());
    }
}
