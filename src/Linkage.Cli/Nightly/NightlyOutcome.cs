namespace Linkage.Cli.Nightly;

/// <summary>How a nightly run ended, mapped to an exit code by <see cref="NightlyOutcomes.ExitCode"/>.</summary>
internal enum NightlyOutcome
{
    Completed,
    /// <summary>The inbox held no files to take; the store was opened and is healthy.</summary>
    NothingToDo,
    /// <summary>Another run holds the lock; nothing was read or written.</summary>
    Busy,
    /// <summary>An input file or option cannot be used; the files stay in the inbox.</summary>
    BadInput,
    /// <summary>The run failed (database, disk, bug); recorded as failed, files stay in the inbox.</summary>
    Failed,
    /// <summary>The run was stopped (SIGTERM, Ctrl+C); recorded as failed (cancelled), files stay in the inbox.</summary>
    Cancelled,
}

internal static class NightlyOutcomes
{
    public static int ExitCode(this NightlyOutcome outcome) => outcome switch
    {
        NightlyOutcome.Completed or NightlyOutcome.NothingToDo => ExitCodes.Success,
        NightlyOutcome.Busy => ExitCodes.Busy,
        NightlyOutcome.BadInput => ExitCodes.BadInput,
        NightlyOutcome.Cancelled => ExitCodes.Terminated,
        _ => ExitCodes.Failure,
    };
}
