using Linkage.Names;
using Linkage.Scoring;

namespace Linkage.Blocking;

/// <summary>
/// A blocking rule: two records are a candidate pair when they share a value for every part and, for another
/// schema, the same folded text in every one of <see cref="Columns"/> (keys written <c>column:NAME</c>); a
/// <see cref="MinHash"/> rule also needs a shared band of a name's signature. A <see cref="IsSiblingCross"/> rule
/// has no keys: it pairs the children of two sibling groups once a sibling pair is proposed by a rule of <see cref="ViaMask"/>.
/// </summary>
internal sealed record BlockingRule(string Name, IReadOnlyList<BlockingKeyPart> Parts)
{
    public const string ColumnPrefix = "column:";

    /// <summary>Columns (a contract column's name or an extra column's header) whose values must agree.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The name signature's banding of a <c>minhash</c> rule; null for other kinds.</summary>
    public MinHashBanding? MinHash { get; init; }

    public bool IsSiblingCross { get; init; }

    /// <summary>For a sibling-cross rule, a bit per rule (by index in the model) whose sibling pairs open two groups.</summary>
    public uint ViaMask { get; init; }

    /// <summary>The model's rules in order; a sibling-cross rule's <c>via</c> names resolve against the others.</summary>
    public static BlockingRule[] FromModels(IReadOnlyList<BlockingRuleModel> models)
    {
        var rules = models.Select(FromModel).ToArray();
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].IsSiblingCross)
            {
                rules[i] = rules[i] with { ViaMask = ViaMaskOf(models[i], rules) };
            }
        }
        return rules;
    }

    public static BlockingRule FromModel(BlockingRuleModel model)
    {
        switch (model.Kind ?? BlockingRuleModel.KeysKind)
        {
            case BlockingRuleModel.KeysKind:
                if (model.Keys.Count == 0)
                {
                    throw new InvalidDataException($"blocking rule '{model.Name}' names no keys");
                }
                Refuse(model, model.MinHash is not null, "minhash");
                Refuse(model, model.Via is not null, "via");
                return WithKeys(model);
            case BlockingRuleModel.MinHashKind:
                var minHash = model.MinHash ?? throw new InvalidDataException($"blocking rule '{model.Name}' of kind minhash needs \"minhash\"");
                Refuse(model, model.Via is not null, "via");
                return WithKeys(model) with
                {
                    MinHash = new MinHashBanding(FieldOf(model.Name, minHash.Field), minHash.Q, minHash.Bands, minHash.Rows, minHash.Seed),
                };
            case BlockingRuleModel.SiblingCrossKind:
                Refuse(model, model.Keys.Count > 0, "keys");
                Refuse(model, model.MinHash is not null, "minhash");
                return new BlockingRule(model.Name, []) { IsSiblingCross = true };
            default:
                throw new InvalidDataException(
                    $"blocking rule '{model.Name}' has unknown kind '{model.Kind}' (known: {BlockingRuleModel.KeysKind}, {BlockingRuleModel.MinHashKind}, {BlockingRuleModel.SiblingCrossKind})");
        }
    }

    private static BlockingRule WithKeys(BlockingRuleModel model) =>
        new(model.Name, model.Keys.Where(k => !IsColumn(k)).Select(BlockingKeyPartNames.Parse).ToArray())
        {
            Columns = model.Keys.Where(IsColumn).Select(k => k[ColumnPrefix.Length..]).ToArray(),
        };

    private static uint ViaMaskOf(BlockingRuleModel model, BlockingRule[] rules)
    {
        uint mask = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            if (!rules[i].IsSiblingCross && (model.Via is null || model.Via.Contains(rules[i].Name)))
            {
                mask |= 1u << i;
            }
        }
        var unknown = model.Via?.FirstOrDefault(name => !rules.Any(r => !r.IsSiblingCross && r.Name == name));
        if (unknown is not null)
        {
            throw new InvalidDataException($"blocking rule '{model.Name}': via names no other keys or minhash rule '{unknown}'");
        }
        if (mask == 0)
        {
            throw new InvalidDataException($"blocking rule '{model.Name}': a sibling_cross rule needs another rule to open the groups");
        }
        return mask;
    }

    private static NameKind FieldOf(string rule, string field) => field switch
    {
        "given_name" => NameKind.Given,
        "surname" => NameKind.Surname,
        "patronymic" => NameKind.Patronymic,
        _ => throw new InvalidDataException($"blocking rule '{rule}': minhash field '{field}' is not given_name, surname or patronymic"),
    };

    private static void Refuse(BlockingRuleModel model, bool present, string field)
    {
        if (present)
        {
            throw new InvalidDataException($"blocking rule '{model.Name}' of kind {model.Kind ?? BlockingRuleModel.KeysKind} takes no \"{field}\"");
        }
    }

    private static bool IsColumn(string key) => key.StartsWith(ColumnPrefix, StringComparison.Ordinal) && key.Length > ColumnPrefix.Length;
}
