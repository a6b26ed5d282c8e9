namespace Linkage.Storage;

/// <summary>The counts a run reports when it completes.</summary>
public sealed record RunCounts
{
    public long ReferencesRead { get; init; }
    public long ReferencesRejected { get; init; }
    public long ListingsRead { get; init; }
    public long ListingsRejected { get; init; }
    public long CandidatePairs { get; init; }
    public long PairsKept { get; init; }
    public long Matches { get; init; }
    public long Reviews { get; init; }
    public long ReferencesNew { get; init; }
    /// <summary>Stored references whose content differs from what was stored before.</summary>
    public long ReferencesChanged { get; init; }
    public long ListingsNew { get; init; }
    /// <summary>Stored listings that got a new content version.</summary>
    public long ListingsChanged { get; init; }
    /// <summary>Stored listings absent from this scrape of their source.</summary>
    public long ListingsVanished { get; init; }
    /// <summary>Pairs that entered the review queue in this run.</summary>
    public long PairsQueued { get; init; }
    /// <summary>Decided pairs whose new score contradicts the decision, flagged for re-review.</summary>
    public long PairsFlagged { get; init; }
    /// <summary>Reading and checking the input files, measured by the host before the run.</summary>
    public long ReadMilliseconds { get; init; }
    /// <summary>Preparing, blocking, comparing and scoring, until the last kept candidate was handed over; overlaps <see cref="SaveMilliseconds"/>.</summary>
    public long LinkMilliseconds { get; init; }
    /// <summary>Writing records and pairs to the store, while linking goes on.</summary>
    public long SaveMilliseconds { get; init; }
    /// <summary>References whose candidates a full or incremental run recomputed.</summary>
    public long ReferencesRelinked { get; init; }
    /// <summary>Current pairs an incremental run left as stored: neither their reference nor their listing changed.</summary>
    public long PairsSkipped { get; init; }
    /// <summary>Pairs that left their reference's candidates in this run (listing vanished or changed, or outranked).</summary>
    public long PairsRetired { get; init; }
}

/// <summary>A run as the store recorded it.</summary>
public sealed record RunRecord(
    long RunId,
    string Kind,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string ModelName,
    RunCounts Counts,
    string? Error)
{
    /// <summary><c>full</c> or <c>incremental</c> for a run that kept the whole stored result current; null for a batch run.</summary>
    public string? LinkScope { get; init; }
}
