using Linkage.Linking;

namespace Linkage.Cli.Nightly;

/// <summary>What a nightly run needs: where the files arrive, the store, and how to link.</summary>
/// <param name="EngineLoading">
/// The engine (model, names, places), loading on another thread since the settings were read: it loads while the run
/// takes its lock, opens the store and reads the inbox.
/// </param>
internal sealed record NightlySettings(string InboxDirectory, string Database, Task<LinkEngine> EngineLoading, LinkOptions LinkOptions)
{
    /// <summary>The engine, once loaded; a model or knowledge file that cannot be read throws here.</summary>
    public LinkEngine Engine => EngineLoading.GetAwaiter().GetResult();

    /// <summary>The run kind in the runs table, and the name of the lock only one nightly run holds at a time.</summary>
    public const string Kind = "nightly";

    /// <summary>Wait for another run's lock instead of exiting with <see cref="NightlyOutcome.Busy"/>.</summary>
    public bool Wait { get; init; }

    /// <summary>Relink every stored reference against every current listing instead of only what changed.</summary>
    public bool Full { get; init; }

    public TimeSpan LockPoll { get; init; } = TimeSpan.FromSeconds(5);
}
