namespace Linkage.Cli.Nightly;

/// <summary>The process's garbage-collection counters at one moment; a run logs their change over the run.</summary>
internal readonly record struct RunMemory(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static RunMemory Now() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1),
        GC.CollectionCount(2), GC.GetTotalPauseDuration());

    /// <summary>What changed from <paramref name="start"/> until now.</summary>
    public static RunMemory Since(RunMemory start)
    {
        var now = Now();
        return new(now.AllocatedBytes - start.AllocatedBytes, now.Gen0 - start.Gen0, now.Gen1 - start.Gen1, now.Gen2 - start.Gen2,
            now.Paused - start.Paused);
    }
}
