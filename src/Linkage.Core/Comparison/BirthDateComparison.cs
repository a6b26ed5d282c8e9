using Linkage.Dates;

namespace Linkage.Comparison;

/// <summary>Birth dates through every alteration level of <see cref="DateComparison"/>.</summary>
/// <param name="listings">Listings' dates held by memo value, so a memo miss reads a small array.</param>
internal sealed class BirthDateComparison(PartialDate[] references, MemoValueArray<PartialDate> listings) : FieldComparison
{
    private static readonly string[] Names = LevelNaming.FromEnum<DateLevel>();

    public override string Name => "birth_date";

    public override IReadOnlyList<string> LevelNames => Names;

    public override int NullLevel => (int)DateLevel.Missing;

    public override int Level(int reference, int listing) => (int)DateComparison.Compare(references[reference], listings[listing]);

    public override string Describe(int reference, int listing, int level) =>
        $"{Show(references[reference])} / {Show(listings[listing])} ({Names[level].Replace('_', ' ')})";

    private static string Show(PartialDate date) => date.IsMissing ? "—" : date.ToString();
}
