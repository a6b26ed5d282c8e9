using Linkage.Blocking;

namespace Linkage.Scoring.Training;

/// <summary>
/// The comparisons a blocking key decides. Pairs a rule proposes agree on the key's field by construction, so an
/// EM session over them cannot learn its m and holds it fixed. A given name also decides sex: pairs sharing one
/// nearly always agree on sex whether or not they are the same child, which EM would otherwise read as evidence
/// that almost every such pair is a match.
/// </summary>
internal static class BlockedComparisons
{
    public static IEnumerable<string> ComparisonsOf(BlockingKeyPart part) => part switch
    {
        BlockingKeyPart.GivenNameKey or BlockingKeyPart.GivenNamePhonetic => ["given_name", "sex"],
        BlockingKeyPart.SurnameKey or BlockingKeyPart.SurnamePhonetic or BlockingKeyPart.SurnameInitial => ["surname"],
        BlockingKeyPart.PatronymicKey => ["patronymic"],
        BlockingKeyPart.BirthYear or BlockingKeyPart.BirthYearMonth or BlockingKeyPart.BirthMonth => ["birth_date"],
        BlockingKeyPart.Sex => ["sex"],
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "no comparison is known to use this blocking key"),
    };

    /// <summary>The comparisons a rule decides: those of its key parts and MinHash name, and those configured on its columns.</summary>
    public static IReadOnlySet<string> Of(BlockingRule rule, MatchModel model)
    {
        var columns = rule.Columns.Select(Ingest.ColumnAliases.Key).ToHashSet();
        // A MinHash band decides its name roughly as a phonetic key does.
        var minHashField = rule.MinHash?.Field switch
        {
            Names.NameKind.Given => BlockingKeyPart.GivenNamePhonetic,
            Names.NameKind.Surname => BlockingKeyPart.SurnamePhonetic,
            Names.NameKind.Patronymic => BlockingKeyPart.PatronymicKey,
            _ => (BlockingKeyPart?)null,
        };
        return rule.Parts.Concat(minHashField is { } part ? [part] : []).SelectMany(ComparisonsOf)
            .Concat(model.Comparisons.Where(c => c.Column is { } column && columns.Contains(Ingest.ColumnAliases.Key(column))).Select(c => c.Name))
            .ToHashSet();
    }
}
