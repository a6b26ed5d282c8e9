using Linkage.Records;

namespace Linkage.Comparison;

/// <summary>Sex agrees, disagrees (a clerk's slip, or a different child), or is missing.</summary>
internal sealed class SexComparison(Sex[] references, Sex[] listings) : FieldComparison
{
    public override string Name => "sex";

    public override IReadOnlyList<string> LevelNames { get; } = ["agree", "disagree", "missing"];

    public override int NullLevel => 2;

    public override int Level(int reference, int listing)
    {
        var a = references[reference];
        var b = listings[listing];
        return a == Sex.Unknown || b == Sex.Unknown ? NullLevel : a == b ? 0 : 1;
    }

    public override string Describe(int reference, int listing, int level) =>
        $"{Show(references[reference])} / {Show(listings[listing])}";

    private static string Show(Sex sex) => sex switch
    {
        Sex.Male => "M",
        Sex.Female => "F",
        _ => "—",
    };
}
