using Linkage.Ingest;
using Linkage.Records;

namespace Linkage.Review.Jobs;

/// <summary>An uploaded listings file waiting for, going through, or done with linking. Progress is read by pages.</summary>
internal sealed class LinkJob(long id, string owner, string fileName, IReadOnlyList<ListingRecord> listings, int rowsRead, IReadOnlyList<IngestReject> rejects)
{
    private volatile string _status = "queued";
    private volatile string _stage = "waiting";
    private long _done;
    private long _total;

    public long Id { get; } = id;
    public string Owner { get; } = owner;
    public string FileName { get; } = fileName;
    public IReadOnlyList<ListingRecord> Listings { get; private set; } = listings;
    public int ListingCount { get; } = listings.Count;
    public int RowsRead { get; } = rowsRead;
    public IReadOnlyList<IngestReject> Rejects { get; } = rejects;

    public string Status => _status;
    public string Stage => _stage;
    public long Done => Interlocked.Read(ref _done);
    public long Total => Interlocked.Read(ref _total);
    public long? RunId { get; private set; }
    public long PairsKept { get; private set; }
    public string? Error { get; private set; }

    public bool Finished => _status is "completed" or "failed";

    internal void Start(long runId)
    {
        RunId = runId;
        _status = "running";
    }

    internal void Report(string stage, long done, long total)
    {
        _stage = stage;
        Interlocked.Exchange(ref _total, total);
        Interlocked.Exchange(ref _done, done);
    }

    internal void Complete(long pairsKept)
    {
        PairsKept = pairsKept;
        _stage = "done";
        _status = "completed";
        Listings = [];
    }

    internal void Fail(string error)
    {
        Error = error;
        _status = "failed";
        Listings = [];
    }
}
