using System.Globalization;
using CsvHelper;
using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

/// <summary>A medium corpus generated once for the corpus tests, read back with CsvHelper.</summary>
public sealed class CorpusFixture : IDisposable
{
    public CorpusFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "linkage-synth-" + Guid.NewGuid().ToString("N"));
        Options = new SynthOptions { Children = 12_000, DistractorsPerChild = 1, Seed = 2024 };
        Summary = CorpusGenerator.Write(Options, Directory);
        (ReferenceHeader, References) = ReadCsv(Path.Combine(Directory, "references.csv"));
        (ListingHeader, Listings) = ReadCsv(Path.Combine(Directory, "listings.csv"));
        (TruthHeader, Truth) = ReadCsv(Path.Combine(Directory, "truth.csv"));
    }

    public string Directory { get; }
    public SynthOptions Options { get; }
    public SynthSummary Summary { get; }
    public string[] ReferenceHeader { get; }
    public string[] ListingHeader { get; }
    public string[] TruthHeader { get; }
    public IReadOnlyList<Dictionary<string, string>> References { get; }
    public IReadOnlyList<Dictionary<string, string>> Listings { get; }
    public IReadOnlyList<Dictionary<string, string>> Truth { get; }

    public static (string[] Header, List<Dictionary<string, string>> Rows) ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            Assert.Equal(header.Length, csv.Parser.Count);
            rows.Add(header.ToDictionary(column => column, column => csv.GetField(column)!));
        }
        return (header, rows);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
