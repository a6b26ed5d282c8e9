namespace Linkage.Storage;

/// <summary>What saving one scrape did to the stored listings.</summary>
public sealed record ListingScrapeSummary(int New, int Changed, int Unchanged, int Vanished);

/// <summary>One content version of a listing: a new one is kept whenever the scraped content changes.</summary>
public sealed record ListingVersion(long VersionId, string ListingId, string Source, string ContentHash, DateTimeOffset? ScrapedAt, long RunId, string Data);

/// <summary>A listing's current state; <see cref="VanishedAt"/> is set while it is missing from its source's latest scrape.</summary>
public sealed record ListingState(
    string ListingId,
    string Source,
    string PlacementRegion,
    string Url,
    string ContentHash,
    long FirstRunId,
    long ChangedRunId,
    long LastSeenRunId,
    DateTimeOffset? LastScrapedAt,
    long? VanishedRunId,
    DateTimeOffset? VanishedAt);

/// <summary>What saving one run's candidate pairs did.</summary>
public sealed record CandidateSaveSummary(int Saved, int FlaggedForRereview);

/// <summary>One row of the append-only audit log.</summary>
public sealed record AuditEntry(
    long AuditId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? ReferenceId,
    string? ListingId,
    long? RunId,
    string Detail,
    string? Evidence);
