using Linkage.Comparison.Similarity;

namespace Linkage.Tests.Similarity;

public class EditDistanceAgreementTests
{
    private const int PairCount = 20_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void LevenshteinAgreesWithTheTextbookTable(int seed)
    {
        var strings = new RandomStrings(seed);
        for (var n = 0; n < PairCount; n++)
        {
            var (query, candidate) = strings.NextPair();
            var scorer = new CachedLevenshtein(query);
            var expected = NaiveSimilarity.Levenshtein(query, candidate);
            AssertDistances(expected, scorer, query, candidate, strings);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void OsaAgreesWithTheTextbookTable(int seed)
    {
        var strings = new RandomStrings(seed);
        for (var n = 0; n < PairCount; n++)
        {
            var (query, candidate) = strings.NextPair();
            var scorer = new CachedOsa(query);
            var expected = NaiveSimilarity.Osa(query, candidate);
            AssertDistances(expected, scorer, query, candidate, strings);
        }
    }

    [Theory]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("flaw", "lawn", 2, 2)]
    [InlineData("ca", "abc", 3, 3)] // OSA may not edit the swapped pair again; true Damerau would give 2
    [InlineData("Іванов", "Ivanov", 6, 6)]
    [InlineData("Олександр", "Александр", 1, 1)]
    [InlineData("Олександр", "Александер", 2, 2)]
    [InlineData("Ковальчук", "Ковалчук", 1, 1)]
    [InlineData("Ивнаов", "Иванов", 2, 1)]
    [InlineData("", "Петро", 5, 5)]
    [InlineData("", "", 0, 0)]
    public void KnownDistances(string a, string b, int levenshtein, int osa)
    {
        Assert.Equal(levenshtein, new CachedLevenshtein(a).Distance(b));
        Assert.Equal(levenshtein, NaiveSimilarity.Levenshtein(a, b));
        Assert.Equal(osa, new CachedOsa(a).Distance(b));
        Assert.Equal(osa, NaiveSimilarity.Osa(a, b));
    }

    [Fact]
    public void ExceedingTheMaximumReturnsOneMore()
    {
        var scorer = new CachedLevenshtein("Шевченко");
        Assert.Equal(2, scorer.Distance("Шевчук", maxDistance: 1));
        Assert.Equal(3, scorer.Distance("Шевчук", maxDistance: 3));
        Assert.Equal(1, scorer.Distance("Коваленко", maxDistance: 0));
    }

    [Fact]
    public void NormalizedSimilarityIsOneMinusDistanceOverTheLongerLength()
    {
        var scorer = new CachedOsa("Мирослава");
        Assert.Equal(1.0 - 1.0 / 9, scorer.Similarity("Мирослав"));
        Assert.Equal(1.0 - 1.0 / 9, scorer.Similarity("Мирослав", scoreCutoff: 1.0 - 1.0 / 9));
        Assert.Equal(0.0, scorer.Similarity("Мирослав", scoreCutoff: 0.9));
        Assert.Equal(1.0, new CachedOsa("").Similarity(""));
    }

    private static void AssertDistances<TRule>(int expected, CachedEditDistance<TRule> scorer, string query, string candidate, RandomStrings strings)
        where TRule : struct, IEditRule
    {
        Assert.True(expected == scorer.Distance(candidate), $"'{query}' vs '{candidate}'");

        var maxDistance = strings.NextInt(expected + 3);
        Assert.True(Math.Min(expected, maxDistance + 1) == scorer.Distance(candidate, maxDistance), $"'{query}' vs '{candidate}' max {maxDistance}");

        var similarity = NaiveSimilarity.NormalizedSimilarity(expected, query.Length, candidate.Length);
        var cutoff = strings.NextInt(4) == 0 ? similarity : strings.NextCutoff();
        Assert.Equal(similarity >= cutoff ? similarity : 0.0, scorer.Similarity(candidate, cutoff));
    }
}
