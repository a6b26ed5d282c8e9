namespace Linkage.Blocking;

/// <summary>
/// A blocking rule: two records are a candidate pair when they share a value for every part and, for another
/// schema, the same folded text in every one of <see cref="Columns"/> (keys written <c>column:NAME</c>).
/// </summary>
internal sealed record BlockingRule(string Name, IReadOnlyList<BlockingKeyPart> Parts)
{
    public const string ColumnPrefix = "column:";

    /// <summary>Columns (a contract column's name or an extra column's header) whose values must agree.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    public static BlockingRule FromModel(Scoring.BlockingRuleModel model)
    {
        if (model.Keys.Count == 0)
        {
            throw new InvalidDataException($"blocking rule '{model.Name}' names no keys");
        }
        var columns = model.Keys.Where(IsColumn).Select(k => k[ColumnPrefix.Length..]).ToArray();
        return new BlockingRule(model.Name, model.Keys.Where(k => !IsColumn(k)).Select(BlockingKeyPartNames.Parse).ToArray())
        {
            Columns = columns,
        };
    }

    private static bool IsColumn(string key) => key.StartsWith(ColumnPrefix, StringComparison.Ordinal) && key.Length > ColumnPrefix.Length;
}
