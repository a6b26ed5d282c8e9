using System.Runtime.InteropServices;

namespace Linkage.Cli;

/// <summary>
/// Stops a command's work cleanly on SIGTERM or Ctrl+C (its run recorded failed as cancelled, its files and jobs
/// left for the next run) and keeps the process alive until the work has wound down. Two gaps of
/// System.CommandLine's own handling are closed: it hears a signal only once the action has returned its task, so
/// work that runs synchronously at first (a nightly run does) met the runtime's default SIGTERM handling, an
/// immediate exit; and it returns from <c>Main</c> two seconds after a signal whether the work has ended or not,
/// which left a run caught in a save or waiting on a busy store "running". Here the signals are handled from the
/// start, the work runs off the invoking thread, and the process's exit (its ProcessExit event) waits for the work,
/// up to <see cref="Limit"/>, keeping the work's own exit code.
/// </summary>
internal static class ProcessShutdown
{
    /// <summary>Under Kubernetes' default grace period (30 s) before it sends SIGKILL; systemd's default is longer.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    public static async Task<int> RunToEndAsync(Func<CancellationToken, Task<int>> work, CancellationToken commandToken)
    {
        var exitCode = ExitCodes.Failure;
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void HoldExit(object? sender, EventArgs e)
        {
            if (ended.Task.Wait(Limit, CancellationToken.None))
            {
                Environment.ExitCode = exitCode;
            }
        }
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(commandToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // no immediate exit: the work stops itself, and HoldExit waits for it
            stopping.Cancel();
        }
        AppDomain.CurrentDomain.ProcessExit += HoldExit;
        try
        {
            using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop))
            using (PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop))
            {
                exitCode = await Task.Run(() => work(stopping.Token), CancellationToken.None).ConfigureAwait(false);
            }
            return exitCode;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= HoldExit;
            ended.SetResult();
        }
    }
}
