using System.Runtime;
using Linkage.Cli.Nightly;

namespace Linkage.Tests.Nightly;

/// <summary>The region is process-wide: these tests run alone, so no other test allocates into their budget.</summary>
[CollectionDefinition(nameof(NoCollectionRegionTests), DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(NoCollectionRegionTests))]
public sealed class NoCollectionRegionTests
{
    [Fact]
    public void Allocations_within_the_budget_are_not_collected()
    {
        using var region = NoCollectionRegion.Enter(512L << 20);
        var before = Collections();

        Assert.True(region.Started);
        var kept = Allocate(128L << 20);

        Assert.Equal(before, Collections());
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        GC.KeepAlive(kept);
    }

    [Fact]
    public void Past_the_budget_collections_resume_and_leaving_does_not_fail()
    {
        var region = NoCollectionRegion.Enter(16L << 20);
        var before = Collections();

        Allocate(256L << 20);
        region.Dispose();

        Assert.True(Collections() > before, "collections resume once the budget is spent");
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_second_holder_runs_without_the_region_and_leaves_the_first_ones_in_place()
    {
        using var first = NoCollectionRegion.Enter(256L << 20);
        using (var second = NoCollectionRegion.Enter(256L << 20))
        {
            Assert.True(first.Started);
            Assert.False(second.Started);
        }

        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        first.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    private static int Collections() => GC.CollectionCount(0);

    /// <summary>Small objects, as a run allocates them; each array is 1 KB.</summary>
    private static List<byte[]> Allocate(long bytes)
    {
        var kept = new List<byte[]>();
        for (long allocated = 0; allocated < bytes; allocated += 1024)
        {
            var chunk = new byte[1000];
            if (allocated % (1 << 20) == 0)
            {
                kept.Add(chunk);
            }
        }
        return kept;
    }
}
