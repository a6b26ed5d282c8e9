using Linkage.Records;

namespace Linkage.Names;

/// <summary>One row of the given-name dictionary: a name in its Ukrainian and Russian forms, with diminutives.</summary>
internal sealed record GivenNameEntry(
    string Id,
    Sex Sex,
    IReadOnlyList<string> Ukrainian,
    IReadOnlyList<string> Russian,
    IReadOnlyList<string> Latin,
    IReadOnlyList<string> UkrainianShort,
    IReadOnlyList<string> RussianShort)
{
    public static IReadOnlyList<GivenNameEntry> LoadEmbedded() =>
        NameCsv.ReadEmbedded("given_names.csv").Select(Parse).ToArray();

    private static GivenNameEntry Parse(string[] row) => new(
        row[0],
        row[1] switch
        {
            "m" => Sex.Male,
            "f" => Sex.Female,
            _ => throw new FormatException($"Given name '{row[0]}' has sex '{row[1]}', expected m or f."),
        },
        NameCsv.Alternatives(row[2]),
        NameCsv.Alternatives(row[3]),
        NameCsv.Alternatives(row[4]),
        NameCsv.Alternatives(row[5]),
        NameCsv.Alternatives(row[6]));
}
