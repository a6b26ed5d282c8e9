namespace Linkage.Tests;

/// <summary>What a pass of hot-path calls allocates once warm.</summary>
/// <remarks>
/// The runtime now and then allocates a few KB on the measuring thread while it swaps in optimised code. An
/// allocation per call would show in every pass instead, so the least of several passes is what the code
/// itself allocates.
/// </remarks>
internal static class SteadyState
{
    public static long AllocatedBytes(Action pass, int attempts = 5)
    {
        pass();
        var least = long.MaxValue;
        for (var attempt = 0; attempt < attempts && least > 0; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
