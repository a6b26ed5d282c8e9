using System.Globalization;
using Spectre.Console;

namespace Linkage.Cli;

/// <summary>Progress bars for long work on a terminal; plain stage lines when output is redirected.</summary>
internal static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/>, showing each reported stage as a bar of done/total.</summary>
    public static T Run<T>(string title, Func<IProgress<(string Stage, long Done, long Total)>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{title}…[/]");
            // Nothing to draw: reports are dropped on the reporting thread, never posted to the thread pool.
            return work(new SynchronousProgress<(string, long, long)>(_ => { }));
        }
        var result = default(T)!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var gate = new Lock();
                var reporter = new SynchronousProgress<(string Stage, long Done, long Total)>(update =>
                {
                    lock (gate)
                    {
                        if (!tasks.TryGetValue(update.Stage, out var task))
                        {
                            task = context.AddTask(Markup.Escape($"{title}: {update.Stage}"), maxValue: Math.Max(1, update.Total));
                            tasks[update.Stage] = task;
                        }
                        task.MaxValue = Math.Max(1, update.Total);
                        task.Value = update.Done;
                    }
                });
                result = work(reporter);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            });
        return result;
    }

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, which posts to a context.</summary>
    internal sealed class SynchronousProgress<TValue>(Action<TValue> report) : IProgress<TValue>
    {
        public void Report(TValue value) => report(value);
    }
}
