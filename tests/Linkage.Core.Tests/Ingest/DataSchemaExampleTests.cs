using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Linkage.Ingest;

namespace Linkage.Tests.Ingest;

/// <summary>The examples and alias tables in data-schemas/ must agree with what ingest does.</summary>
public sealed partial class DataSchemaExampleTests
{
    private static readonly string SchemaDirectory = Path.Combine(RepositoryRoot(), "data-schemas");

    [Fact]
    public void ReferencesExampleIngestsWithoutRejectsOrWarnings()
    {
        var result = RecordFileReader.ReadReferences(Path.Combine(SchemaDirectory, "references.example.csv"));

        Assert.Empty(result.Rejects);
        Assert.Equal(6, result.Records.Count);
        Assert.All(result.Records, r => Assert.Empty(r.Person.Warnings));
        Assert.Contains('\n', result.Records[^1].Person.Notes);
    }

    [Fact]
    public void ListingsExampleIngestsWithoutRejectsOrWarnings()
    {
        var result = RecordFileReader.ReadListings(Path.Combine(SchemaDirectory, "listings.example.csv"));

        Assert.Empty(result.Rejects);
        Assert.Equal(8, result.Records.Count);
        Assert.All(result.Records, r => Assert.Empty(r.Person.Warnings));
        Assert.All(result.Records, r => Assert.NotNull(r.ScrapedAt));
        Assert.Equal("eye_colour", result.Records[0].Person.ExtraFields.Single().Key);
    }

    [Fact]
    public void TruthAndMatchesExamplesReferToTheExampleRecords()
    {
        var referenceIds = RecordFileReader.ReadReferences(Path.Combine(SchemaDirectory, "references.example.csv")).Records.Select(r => r.RecordId).ToHashSet();
        var listingIds = RecordFileReader.ReadListings(Path.Combine(SchemaDirectory, "listings.example.csv")).Records.Select(r => r.ListingId).ToHashSet();

        var truth = ReadCsv("truth.example.csv");
        var matches = ReadCsv("matches.example.csv");

        Assert.Equal(["reference_id", "listing_id"], truth.Header);
        Assert.Equal(["reference_id", "listing_id", "rank", "match_probability", "match_weight", "decision", "explanation"], matches.Header);
        Assert.All(truth.Rows.Concat(matches.Rows), row =>
        {
            Assert.Contains(row[0], referenceIds);
            Assert.Contains(row[1], listingIds);
        });
        foreach (var group in matches.Rows.GroupBy(row => row[0]))
        {
            var ranks = group.Select(row => int.Parse(row[2], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(Enumerable.Range(1, ranks.Length), ranks);
            var weights = group.Select(row => double.Parse(row[4], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(weights.OrderDescending(), weights);
        }
        Assert.All(matches.Rows, row =>
        {
            Assert.InRange(double.Parse(row[3], CultureInfo.InvariantCulture), 0, 1);
            Assert.Contains(row[5], (string[])["match", "review", "non-match"]);
        });
    }

    [Theory]
    [InlineData("references.md")]
    [InlineData("listings.md")]
    public void EveryDocumentedAliasIsAccepted(string document)
    {
        var contract = document == "references.md" ? RecordContract.References : RecordContract.Listings;
        var checkedRows = 0;
        foreach (var line in File.ReadLines(Path.Combine(SchemaDirectory, document)).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var column = Code().Match(cells[1]).Groups[1].Value;
            var documented = Code().Matches(cells[^2]).Select(m => m.Groups[1].Value).Prepend(column).ToArray();
            foreach (var alias in documented)
            {
                Assert.True(ColumnAliases.TryFind(alias, contract, out var found), $"{document}: '{alias}' is not accepted");
                Assert.Equal(column, ColumnAliases.Name(found, contract));
            }
            Assert.True(ColumnAliases.TryFind(column, contract, out var documentedColumn));
            var documentedKeys = documented.Select(ColumnAliases.Key).ToHashSet();
            var undocumented = ColumnAliases.Accepted(documentedColumn, contract).Where(a => !documentedKeys.Contains(ColumnAliases.Key(a)));
            Assert.True(!undocumented.Any(), $"{document}: {column} accepts undocumented {string.Join(", ", undocumented)}");
            checkedRows++;
        }
        Assert.Equal(contract == RecordContract.References ? 10 : 14, checkedRows);
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string name)
    {
        using var reader = new StreamReader(Path.Combine(SchemaDirectory, name));
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        var header = csv.Record!;
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }
        return (header, rows);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Linkage.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Linkage.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
