using Linkage.Comparison.Similarity;

namespace Linkage.Tests.Similarity;

public class JaroWinklerAgreementTests
{
    private const int PairCount = 20_000;

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void AgreesWithTheTextbookDefinition(int seed)
    {
        var strings = new RandomStrings(seed);
        for (var n = 0; n < PairCount; n++)
        {
            var (query, candidate) = strings.NextPair();
            var scorer = new CachedJaroWinkler(query);
            var expected = NaiveSimilarity.JaroWinkler(query, candidate);
            Assert.True(expected == scorer.Similarity(candidate), $"'{query}' vs '{candidate}'");
            // Which side is cached must not matter: references and listings swap roles between passes.
            Assert.True(expected == new CachedJaroWinkler(candidate).Similarity(query), $"'{candidate}' vs '{query}'");

            var cutoff = strings.NextInt(4) == 0 ? expected : strings.NextCutoff();
            Assert.Equal(expected >= cutoff ? expected : 0.0, scorer.Similarity(candidate, cutoff));
        }
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.944, 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.822, 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.767, 0.813)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896, 0.896)]
    public void TextbookValues(string a, string b, double jaro, double jaroWinkler)
    {
        Assert.Equal(jaro, NaiveSimilarity.Jaro(a, b), 3);
        Assert.Equal(jaroWinkler, NaiveSimilarity.JaroWinkler(a, b), 3);
        Assert.Equal(jaroWinkler, new CachedJaroWinkler(a).Similarity(b), 3);
        Assert.Equal(jaroWinkler, new CachedJaroWinkler(b).Similarity(a), 3);
    }

    [Fact]
    public void CyrillicTranspositionScoresLikeItsLatinTwin()
    {
        var cyrillic = new CachedJaroWinkler("МАРТА").Similarity("МАРАТ");
        var latin = new CachedJaroWinkler("MARTA").Similarity("MARAT");
        Assert.Equal(latin, cyrillic);
        Assert.True(cyrillic is > 0.9 and < 1.0);
    }

    [Fact]
    public void EmptyStrings()
    {
        Assert.Equal(1.0, new CachedJaroWinkler("").Similarity(""));
        Assert.Equal(0.0, new CachedJaroWinkler("").Similarity("Олег"));
        Assert.Equal(0.0, new CachedJaroWinkler("Олег").Similarity(""));
    }

    [Fact]
    public void BelowTheCutoffIsZero()
    {
        var scorer = new CachedJaroWinkler("Наталія");
        var score = scorer.Similarity("Наталя");
        Assert.True(score > 0.9);
        Assert.Equal(score, scorer.Similarity("Наталя", score));
        Assert.Equal(0.0, scorer.Similarity("Наталя", Math.BitIncrement(score)));
    }
}
