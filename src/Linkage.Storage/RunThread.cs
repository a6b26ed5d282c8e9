namespace Linkage.Storage;

/// <summary>
/// Where a host runs a link run: on a thread of its own. A run is minutes of synchronous work whose parallel parts
/// (parsing stored records, preparing them, linking) use the thread pool's workers, one per core at first. Run on one
/// of those workers itself, it would hold one of them, and its parallel parts would wait for the pool to grow, which
/// it does by a thread every half second or so (on the 50k nightly, reading the references took 1.6 s instead of 0.7 s).
/// </summary>
internal static class RunThread
{
    public static Task<T> Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
