using System.Runtime;

namespace Linkage.Cli.Nightly;

/// <summary>
/// A stretch of a batch process in which the garbage collector does not run until the process has allocated a budget.
/// A nightly run keeps almost everything it allocates until it ends (the records read, both sides prepared, the stored
/// pairs it merges), so each generational collection mostly copies live objects into an older generation: on the 1%
/// night about 80 collections and 0.7–0.9 s of pauses in a 6 s run (BENCHMARKS.md). Past the budget the runtime leaves
/// the region and collects as usual, so a larger night costs one collection more, never a failure. The region is
/// process-wide: one holder at a time; a second caller, or a runtime that cannot commit the budget, runs without it.
/// </summary>
internal sealed class NoCollectionRegion : IDisposable
{
    private static readonly Lock Gate = new();
    private static bool s_held;

    private bool _holding;

    private NoCollectionRegion(bool holding) => _holding = holding;

    /// <summary>Whether this holder started the region (it may have ended since, past the budget).</summary>
    public bool Started => _holding;

    public static NoCollectionRegion Enter(long budgetBytes)
    {
        lock (Gate)
        {
            if (s_held || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                return new NoCollectionRegion(false);
            }
            try
            {
                s_held = GC.TryStartNoGCRegion(budgetBytes);
            }
            catch (ArgumentOutOfRangeException)
            {
                // More than this runtime's configuration allows: run with collections.
                s_held = false;
            }
            return new NoCollectionRegion(s_held);
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (!_holding)
            {
                return;
            }
            _holding = false;
            s_held = false;
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                try
                {
                    GC.EndNoGCRegion();
                }
                catch (InvalidOperationException)
                {
                    // The region ended on its own (the budget ran out) between the check and the call.
                }
            }
        }
    }
}
