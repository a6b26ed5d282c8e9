namespace Linkage.Cli;

/// <summary>Exit codes a scheduler or script can act on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The run failed while working (a bug, a full disk, a database error).</summary>
    public const int Failure = 1;
    /// <summary>The input or the options cannot be used; the message says which and why.</summary>
    public const int BadInput = 2;
    /// <summary>Someone else changed the item first (a stale review decision); nothing was written.</summary>
    public const int Conflict = 3;
    /// <summary>Another run holds the lock; try again later (sysexits' EX_TEMPFAIL, which schedulers know).</summary>
    public const int Busy = 75;
    /// <summary>
    /// Stopped by SIGTERM or Ctrl+C before the work was done; the run is recorded failed (cancelled) and its input
    /// left for the next run. 128 + SIGTERM, what a shell reports for a process SIGTERM ended, so schedulers tell it
    /// from a failure (a Kubernetes Job's podFailurePolicy can match it; systemd's SuccessExitStatus= can accept it).
    /// </summary>
    public const int Terminated = 143;
}
