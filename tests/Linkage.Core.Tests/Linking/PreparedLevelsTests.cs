using System.Globalization;
using Linkage.Comparison.Similarity;
using Linkage.Dates;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Names;
using Linkage.Places;
using Linkage.Records;
using Linkage.Synthetic;

namespace Linkage.Tests.Linking;

/// <summary>
/// The comparisons level from integers prepared once (name lines, spellings in an arena, listings' values held by
/// memo value): on random pairs their levels must equal the levels defined on the records' own name forms, dates
/// and places, computed here the naive way.
/// </summary>
public sealed class PreparedLevelsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-levels-").FullName;

    /// <summary>A small synthetic corpus and the session prepared from it.</summary>
    private (IReadOnlyList<ReferenceRecord> References, IReadOnlyList<ListingRecord> Listings, LinkSession Session) Prepared(ulong seed)
    {
        CorpusGenerator.Write(new SynthOptions { Children = 150, DistractorsPerChild = 3, Seed = seed }, _directory);
        var references = RecordFileReader.ReadReferences(Path.Combine(_directory, "references.csv")).Records;
        var listings = RecordFileReader.ReadListings(Path.Combine(_directory, "listings.csv")).Records;
        return (references, listings, LinkSession.Prepare(references, listings, LinkEngine.Default, new ParallelOptions()));
    }

    [Fact]
    public void Levels_equal_those_defined_on_the_records_own_values()
    {
        var (references, listings, session) = Prepared(seed: 17);
        var comparisons = session.Model.Comparisons.ToDictionary(c => c.Name);
        var random = new Random(3);
        var seen = new HashSet<string>();

        for (var pair = 0; pair < 60_000; pair++)
        {
            var reference = random.Next(references.Count);
            var listing = random.Next(listings.Count);
            foreach (var (name, forms) in new[] { ("given_name", NameKind.Given), ("surname", NameKind.Surname), ("patronymic", NameKind.Patronymic) })
            {
                var comparison = comparisons[name];
                var expected = NameLevel(session, forms, reference, listing, comparison.LevelNames);
                Assert.Equal(expected, comparison.LevelNames[comparison.Level(reference, listing)]);
                seen.Add($"{name}:{expected}");
            }
            Assert.Equal(
                (int)DateComparison.Compare(references[reference].Person.BirthDate, session.ListingRecords[listing].Person.BirthDate),
                comparisons["birth_date"].Level(reference, listing));
            Assert.Equal(
                (int)PlaceComparison.Compare(session.References.BirthPlace[reference], session.Listings.BirthPlace[listing]),
                comparisons["birth_place"].Level(reference, listing));
        }
        // The pairs reached the levels that take the kernel, the keys and the diminutives, not only missing and disagree.
        Assert.Contains("given_name:same_key", seen);
        Assert.Contains("given_name:diminutive", seen);
        Assert.Contains("surname:fuzzy_0.85", seen);
        Assert.Contains("surname:exact", seen);
    }

    [Fact]
    public void Term_values_read_through_the_memo_line_equal_each_listings_own()
    {
        var (_, listings, session) = Prepared(seed: 19);
        var checkedLevels = 0;
        foreach (var comparison in session.Model.Comparisons)
        {
            for (var level = 0; level < comparison.LevelNames.Count; level++)
            {
                if (comparison.TermValuesOf(level) is not { } values)
                {
                    continue;
                }
                checkedLevels++;
                for (var listing = 0; listing < listings.Count; listing++)
                {
                    Assert.Equal(values.Listings[listing], values.ListingsByValue[listing]);
                }
            }
        }
        Assert.True(checkedLevels >= 5, $"{checkedLevels} levels name term values");
    }

    /// <summary>The name levels as defined on two <see cref="NameForms"/>: missing, initials, spelling, key, diminutive, fuzzy.</summary>
    private static string NameLevel(LinkSession session, NameKind kind, int reference, int listing, IReadOnlyList<string> levels)
    {
        var (a, b) = kind switch
        {
            NameKind.Given => (session.References.Given[reference], session.Listings.Given[listing]),
            NameKind.Surname => (session.References.Surname[reference], session.Listings.Surname[listing]),
            _ => (session.References.Patronymic[reference], session.Listings.Patronymic[listing]),
        };
        if (a.IsMissing || b.IsMissing)
        {
            return "missing";
        }
        if (a.IsInitialOnly || b.IsInitialOnly)
        {
            return !levels.Contains("initial_agrees") ? "missing" : a.InitialKey == b.InitialKey ? "initial_agrees" : "initial_disagrees";
        }
        if (a.Normalized == b.Normalized)
        {
            return "exact";
        }
        if (a.CanonicalKey == b.CanonicalKey)
        {
            return "same_key";
        }
        if (levels.Contains("diminutive"))
        {
            var alternatesA = session.References.GivenAlternateKeys[reference];
            var alternatesB = session.Listings.GivenAlternateKeys[listing];
            if (alternatesA.Contains(session.Listings.GivenKey[listing]) || alternatesB.Contains(session.References.GivenKey[reference])
                || alternatesA.Intersect(alternatesB).Any())
            {
                return "diminutive";
            }
        }
        var similarity = NaiveSimilarity.JaroWinkler(a.Normalized, b.Normalized);
        foreach (var level in levels.Where(l => l.StartsWith("fuzzy_", StringComparison.Ordinal)))
        {
            if (similarity >= double.Parse(level["fuzzy_".Length..], CultureInfo.InvariantCulture))
            {
                return level;
            }
        }
        return "disagree";
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
