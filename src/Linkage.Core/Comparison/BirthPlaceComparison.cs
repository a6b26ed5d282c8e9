using Linkage.Places;

namespace Linkage.Comparison;

/// <summary>
/// Birthplaces resolved through the gazetteer: the same settlement under any name or era down to two
/// conflicting Ukrainian places, with an occupation label or a place in Russia as weak, asymmetric evidence.
/// </summary>
/// <param name="listings">Listings' places held by memo value, so a memo miss reads a small array.</param>
internal sealed class BirthPlaceComparison(PlaceRef[] references, MemoValueArray<PlaceRef> listings, string[] referenceText, string[] listingText)
    : FieldComparison
{
    private static readonly string[] Names = LevelNaming.FromEnum<PlaceLevel>();

    public override string Name => "birth_place";

    public override IReadOnlyList<string> LevelNames => Names;

    public override int NullLevel => (int)PlaceLevel.Missing;

    public override int Level(int reference, int listing) => (int)PlaceComparison.Compare(references[reference], listings[listing]);

    public override string Describe(int reference, int listing, int level) =>
        $"{Show(referenceText[reference])} / {Show(listingText[listing])} ({Names[level].Replace('_', ' ')})";

    private static string Show(string text) => text.Length == 0 ? "—" : text;
}
