using System.Globalization;
using Linkage.Records;

namespace Linkage.Synthetic;

/// <summary>
/// A Ukrainian given name, the Russian form a clerk usually writes, rarer Russian forms some clerks choose,
/// and the informal English of the usual form.
/// </summary>
internal sealed record GivenName(Sex Sex, string Ukrainian, string Russian, IReadOnlyList<string> RareRussianForms, string English);

/// <summary>A father's name and the patronymics it gives, in Ukrainian and Russian.</summary>
internal sealed record Father(string Ukrainian, string UkrainianSon, string UkrainianDaughter, string RussianSon, string RussianDaughter)
{
    public string UkrainianFor(Sex sex) => sex == Sex.Female ? UkrainianDaughter : UkrainianSon;
    public string RussianFor(Sex sex) => sex == Sex.Female ? RussianDaughter : RussianSon;
}

/// <summary>A Ukrainian surname in both genders; <see cref="RussianMale"/> only where letter rules miss the usual form.</summary>
internal sealed record Surname(string Male, string Female, string? RussianMale)
{
    public string For(Sex sex) => sex == Sex.Female ? Female : Male;
}

internal sealed record Oblast(string Key, string Ukrainian, string Russian, IReadOnlyList<string> OccupationLabels);

/// <summary>A settlement with its Russian form and, if renamed in 2016, the Soviet-era name.</summary>
internal sealed record Settlement(Oblast Oblast, string Ukrainian, string Russian, string? Soviet);

internal sealed record RussianPlace(string Settlement, string Region);

/// <summary>The generator's embedded population tables (Data/Synthetic, see its SOURCES.md).</summary>
internal sealed class PopulationTables
{
    private static readonly Lazy<PopulationTables> Embedded = new(Load);

    public static PopulationTables Default => Embedded.Value;

    public required WeightedTable<GivenName> UkrainianBoys { get; init; }
    public required WeightedTable<GivenName> UkrainianGirls { get; init; }
    public required WeightedTable<Father> Fathers { get; init; }
    public required WeightedTable<Surname> Surnames { get; init; }
    public required WeightedTable<Settlement> Settlements { get; init; }
    public required IReadOnlyList<Oblast> Oblasts { get; init; }
    public required WeightedTable<RussianPlace> RussianPlaces { get; init; }
    public required WeightedTable<string> RussianBoys { get; init; }
    public required WeightedTable<string> RussianGirls { get; init; }
    public required WeightedTable<(string Male, string Female)> RussianSurnames { get; init; }

    public WeightedTable<GivenName> UkrainianNames(Sex sex) => sex == Sex.Female ? UkrainianGirls : UkrainianBoys;
    public WeightedTable<string> RussianNames(Sex sex) => sex == Sex.Female ? RussianGirls : RussianBoys;

    private static PopulationTables Load()
    {
        var givenNames = Read("given_names.csv")
            .Select(r => (Item: GivenNameOf(r), Weight: Weight(r[2])))
            .ToList();
        var oblastList = Read("oblasts.csv").Select(r => new Oblast(r[0], r[1], r[2], r[3].Split('|'))).ToList();
        var oblasts = oblastList.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var russianNames = Read("russian_given_names.csv").Select(r => (Sex: ParseSex(r[0]), Name: r[1], Weight: Weight(r[2]))).ToList();
        return new PopulationTables
        {
            UkrainianBoys = new(givenNames.Where(g => g.Item.Sex == Sex.Male)),
            UkrainianGirls = new(givenNames.Where(g => g.Item.Sex == Sex.Female)),
            Fathers = new(Read("fathers.csv").Select(r => (new Father(r[0], r[2], r[3], r[4], r[5]), Weight(r[1])))),
            Surnames = new(Read("surnames.csv").Select(r => (new Surname(r[0], r[1], NullIfEmpty(r[3])), Weight(r[2])))),
            Settlements = new(Read("settlements.csv").Select(r => (new Settlement(oblasts[r[0]], r[1], r[2], NullIfEmpty(r[3])), Weight(r[4])))),
            Oblasts = oblastList,
            RussianPlaces = new(Read("russian_places.csv").Select(r => (new RussianPlace(r[0], r[1]), Weight(r[2])))),
            RussianBoys = new(russianNames.Where(n => n.Sex == Sex.Male).Select(n => (n.Name, n.Weight))),
            RussianGirls = new(russianNames.Where(n => n.Sex == Sex.Female).Select(n => (n.Name, n.Weight))),
            RussianSurnames = new(Read("russian_surnames.csv").Select(r => ((r[0], r[1]), Weight(r[2])))),
        };
    }

    /// <summary>Rows of a table without its header; the tables hold no quoted commas, so a split suffices.</summary>
    private static List<string[]> Read(string file)
    {
        var name = "Linkage.Data.Synthetic/" + file;
        using var stream = typeof(PopulationTables).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded table {name} is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split(','));
            }
        }
        return rows;
    }

    private static GivenName GivenNameOf(string[] row)
    {
        var russianForms = row[3].Split('|');
        return new GivenName(ParseSex(row[0]), row[1], russianForms[0], russianForms[1..], row[4]);
    }

    private static Sex ParseSex(string text) => text == "F" ? Sex.Female : Sex.Male;
    private static int Weight(string text) => int.Parse(text, CultureInfo.InvariantCulture);
    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
