using Linkage.Blocking;

namespace Linkage.Scoring.Training;

/// <summary>
/// The comparison whose field a blocking key is made from. Pairs a rule proposes agree on that field by
/// construction, so an EM session over them cannot learn its m and holds it fixed.
/// </summary>
internal static class BlockedComparisons
{
    public static string ComparisonOf(BlockingKeyPart part) => part switch
    {
        BlockingKeyPart.GivenNameKey or BlockingKeyPart.GivenNamePhonetic => "given_name",
        BlockingKeyPart.SurnameKey or BlockingKeyPart.SurnamePhonetic or BlockingKeyPart.SurnameInitial => "surname",
        BlockingKeyPart.PatronymicKey => "patronymic",
        BlockingKeyPart.BirthYear or BlockingKeyPart.BirthYearMonth => "birth_date",
        BlockingKeyPart.Sex => "sex",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "no comparison is known to use this blocking key"),
    };

    public static IReadOnlySet<string> Of(BlockingRule rule) => rule.Parts.Select(ComparisonOf).ToHashSet();
}
