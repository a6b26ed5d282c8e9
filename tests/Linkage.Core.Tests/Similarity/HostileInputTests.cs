using System.Diagnostics;
using Linkage.Comparison.Similarity;

namespace Linkage.Tests.Similarity;

public class HostileInputTests
{
    [Fact]
    public void HugeStringsFinishQuickly()
    {
        var huge = new string('ж', 200_000) + "\0\uD83D";
        var watch = Stopwatch.StartNew();
        Assert.Equal(1.0, new CachedJaroWinkler(huge).Similarity(huge));
        Assert.Equal(0, new CachedOsa(huge).Distance(huge));
        Assert.Equal(0.0, new CachedLevenshtein("Петро").Similarity(huge, 0.5));
        Assert.True(new CachedJaroWinkler("Петро").Similarity(huge) < 0.5);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
