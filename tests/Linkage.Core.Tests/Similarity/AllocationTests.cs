using Linkage.Comparison.Similarity;

namespace Linkage.Tests.Similarity;

public class AllocationTests
{
    [Theory]
    [InlineData("Коваленко")]
    [InlineData("Ковалевська-Шевченко Олександра Володимирівна, с. Новоукраїнка, Кропивницький район")]
    public void ScoringCandidatesAllocatesNothing(string query)
    {
        ICachedScorer[] scorers = [new CachedJaroWinkler(query), new CachedLevenshtein(query), new CachedOsa(query)];
        string[] candidates = ["Коваленко", "Ковальчук", "Kovalenko", "", query + query, new string('\u2019', 300), query[1..]];
        var sink = 0.0;
        var allocated = SteadyState.AllocatedBytes(() =>
        {
            for (var round = 0; round < 100; round++)
            {
                foreach (var scorer in scorers)
                {
                    foreach (var candidate in candidates)
                    {
                        sink += scorer.Similarity(candidate) + scorer.Similarity(candidate, 0.8);
                    }
                }
            }
        });
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }
}
