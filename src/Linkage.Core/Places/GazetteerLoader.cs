using Linkage.Names.Transliteration;
using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;

namespace Linkage.Places;

/// <summary>Reads the embedded place tables and, optionally, OCHA's settlement list from a folder.</summary>
internal static class GazetteerLoader
{
    private const string ResourcePrefix = "Linkage.Data.Places/";
    internal const int RussiaOffset = 1000;

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture)
    {
        AllowComments = true,
        Comment = '#',
        MissingFieldFound = null,
        BadDataFound = null,
        TrimOptions = TrimOptions.Trim,
    };

    public static Gazetteer LoadEmbedded(string? ochaFolder)
    {
        var builder = new GazetteerBuilder();
        foreach (var row in Read(OpenResource("oblasts.csv")))
        {
            var id = int.Parse(row["id"], CultureInfo.InvariantCulture);
            builder.AddOblast(new Region(id, row["uk"], row["ru"], row["en"]), Split(row["aliases"]), Split(row["occupation_labels"]));
        }
        foreach (var row in Read(OpenResource("raions.csv")))
        {
            var id = int.Parse(row["id"], CultureInfo.InvariantCulture);
            builder.AddRaion(new Region(id, row["uk"], row["ru"], Transliterator.Get(Transliterator.NationalUkrainian).Transliterate(row["uk"])), Split(row["former"]));
        }
        foreach (var row in Read(OpenResource("settlements.csv")))
        {
            var oblast = int.Parse(row["oblast"], CultureInfo.InvariantCulture);
            var raion = int.Parse(row["raion"], CultureInfo.InvariantCulture);
            var kind = row["kind"] == "city" ? SettlementKind.City : SettlementKind.UrbanTypeSettlement;
            builder.AddSettlement(new Settlement(
                oblast, raion == 0 ? 0 : oblast * 100 + raion, kind, row["uk"], row["ru"], Split(row["former"]), [], false));
        }
        foreach (var row in Read(OpenResource("russian_regions.csv")))
        {
            var id = RussiaOffset + int.Parse(row["id"], CultureInfo.InvariantCulture);
            var aliases = Split(row["aliases"]);
            builder.AddRussianRegion(new Region(id, string.Empty, row["ru"], aliases.LastOrDefault() ?? string.Empty), aliases);
        }
        foreach (var row in Read(OpenResource("russian_cities.csv")))
        {
            var region = RussiaOffset + int.Parse(row["region"], CultureInfo.InvariantCulture);
            builder.AddSettlement(new Settlement(region, 0, SettlementKind.City, string.Empty, row["ru"], [], Split(row["aliases"]), true));
        }
        if (ochaFolder is not null)
        {
            AddOcha(builder, ochaFolder);
        }
        return builder.Build();
    }

    /// <summary>
    /// Adds OCHA's raions and settlements (admin2 and admin4 tables, Ukrainian and English names, P-codes);
    /// a settlement already authored (same oblast, same Ukrainian name) only contributes its English name.
    /// </summary>
    private static void AddOcha(GazetteerBuilder builder, string folder)
    {
        foreach (var row in Read(File.OpenRead(Path.Combine(folder, "ocha_activityinfo_ukr_admin2.csv"))))
        {
            var id = PcodeNumber(row["Admin2 Pcode"]);
            builder.AddRaionIfAbsent(new Region(id, row["Raion UKR"], string.Empty, row["Raion"]));
        }
        foreach (var settlement in ReadOchaSettlements(folder))
        {
            builder.AddOchaSettlement(settlement.OblastId, settlement.RaionId, settlement.Ukrainian, settlement.English);
        }
    }

    /// <summary>OCHA's settlements (ocha_activityinfo_ukr_admin4.csv): oblast and raion from the P-codes, two names.</summary>
    internal static IEnumerable<OchaSettlement> ReadOchaSettlements(string folder)
    {
        foreach (var row in Read(File.OpenRead(Path.Combine(folder, "ocha_activityinfo_ukr_admin4.csv"))))
        {
            yield return new OchaSettlement(
                PcodeNumber(row["Admin1 Pcode"]), PcodeNumber(row["Admin2 Pcode"]), row["Settlement UKR"], row["Settlement EN"]);
        }
    }

    private static int PcodeNumber(string pcode) =>
        int.Parse(pcode.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture);

    private static Stream OpenResource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"embedded place table {name} is missing");

    private static IEnumerable<Dictionary<string, string>> Read(Stream stream)
    {
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, Config);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.GetField(i) ?? string.Empty;
            }
            yield return row;
        }
    }

    private static string[] Split(string value) =>
        value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed record OchaSettlement(int OblastId, int RaionId, string Ukrainian, string English);
