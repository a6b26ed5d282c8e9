using System.Runtime.ExceptionServices;
using Linkage.Blocking;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// A link run in progress. Background workers prepare both sides, then link the references in chunks
/// (<see cref="ReferenceChunks"/>) while the caller takes the kept candidates chunk by chunk, in reference order,
/// through <see cref="Batches"/>. Only a few chunks may be finished and not yet taken, so memory does not grow with
/// the number of kept pairs: when the caller is slower than linking (writing to a database), the workers wait.
/// Start one with <see cref="Linker.Start"/>; disposing it stops the workers.
/// </summary>
public sealed class LinkInProgress : IDisposable
{
    /// <summary>References per chunk: enough to amortise the hand-over, few enough to keep every core busy.</summary>
    private const int ChunkSize = 256;

    /// <summary>Chunks a worker may finish ahead of the caller, per worker.</summary>
    private const int ChunksAheadPerWorker = 4;

    private readonly IReadOnlyList<ReferenceRecord> _references;
    private readonly IReadOnlyList<ListingRecord> _listings;
    private readonly LinkEngine _engine;
    private readonly LinkOptions _options;
    private readonly IProgress<LinkProgress>? _progress;
    private readonly CancellationTokenSource _cancel;
    private readonly SemaphoreSlim _window;
    private readonly int _workers;
    private readonly object _gate = new();
    private readonly Dictionary<int, CandidateMatch[]> _finished = [];
    private readonly (LinkSession Session, BlockingIndex Index)? _prepared;
    private readonly Task _work;
    private int _chunkCount = -1;
    private int _taken;
    private ExceptionDispatchInfo? _failure;
    private (long CandidatePairs, IReadOnlyDictionary<string, long> PairsPerRule)? _blocking;
    private bool _drained;
    private long _kept;
    private long _matches;
    private long _reviews;

    internal LinkInProgress(
        IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, LinkEngine engine, LinkOptions options,
        IProgress<LinkProgress>? progress, CancellationToken cancellationToken, (LinkSession, BlockingIndex)? prepared = null)
    {
        _prepared = prepared;
        _references = references;
        _listings = listings;
        _engine = engine;
        _options = options;
        _progress = progress;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _workers = Math.Max(1, options.DegreeOfParallelism ?? Environment.ProcessorCount);
        _window = new SemaphoreSlim(_workers * ChunksAheadPerWorker);
        // Not given the token: a run cancelled before it starts must still run far enough to report it.
        _work = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// The kept candidates of each chunk of references as soon as it is linked, in reference order (a sibling group's
    /// children together), rank 1 first within each reference. Enumerate once; it blocks while the next chunk is
    /// being linked and rethrows what failed the run.
    /// </summary>
    public IEnumerable<IReadOnlyList<CandidateMatch>> Batches()
    {
        // One-to-one assignment weighs every claim on a listing, so it waits for the whole run.
        IEnumerable<IReadOnlyList<CandidateMatch>> batches = _options.OneToOne
            ? [OneToOneAssignment.Apply([.. Linked().SelectMany(b => b)], _references, _engine)]
            : Linked();
        foreach (var batch in batches)
        {
            _kept += batch.Count;
            foreach (var match in batch)
            {
                _matches += match.Decision == MatchDecision.Match ? 1 : 0;
                _reviews += match.Decision == MatchDecision.Review ? 1 : 0;
            }
            yield return batch;
        }
        _drained = true;
    }

    private IEnumerable<CandidateMatch[]> Linked()
    {
        for (var next = 0; ; next++)
        {
            CandidateMatch[]? batch;
            lock (_gate)
            {
                while (true)
                {
                    _failure?.Throw();
                    if (_finished.Remove(next, out batch) || (_chunkCount >= 0 && next >= _chunkCount))
                    {
                        break;
                    }
                    Monitor.Wait(_gate);
                }
            }
            if (batch is null)
            {
                // Every chunk taken: wait (outside the lock, which the workers' end takes) for the counts.
                _work.GetAwaiter().GetResult();
                yield break;
            }
            _window.Release();
            yield return batch;
        }
    }

    /// <summary>What the run did; available once <see cref="Batches"/> has been enumerated to its end.</summary>
    public LinkSummary Summary => _drained && _blocking is { } blocking
        ? new LinkSummary
        {
            CandidatePairs = blocking.CandidatePairs,
            PairsPerRule = blocking.PairsPerRule,
            PairsKept = _kept,
            MatchCount = _matches,
            ReviewCount = _reviews,
        }
        : throw new InvalidOperationException("the run's batches have not all been taken");

    public void Dispose()
    {
        _cancel.Cancel();
        try
        {
            _work.Wait();
        }
        catch (AggregateException)
        {
            // Already reported through Batches, or the caller stopped early and no longer wants it.
        }
        _cancel.Dispose();
        _window.Dispose();
    }

    private void Run()
    {
        try
        {
            _blocking = Link();
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
                Monitor.PulseAll(_gate);
            }
            throw;
        }
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private (LinkSession, BlockingIndex) Prepare(ParallelOptions parallel)
    {
        var session = LinkSession.Prepare(_references, _listings, _engine, parallel);
        return (session, BlockingIndex.Build(_engine.BlockingRules, session.Listings));
    }

    /// <summary>Links every chunk; returns what blocking proposed.</summary>
    private (long, IReadOnlyDictionary<string, long>) Link()
    {
        var token = _cancel.Token;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _workers, CancellationToken = token };
        var total = _references.Count + _listings.Count;
        _progress?.Report(new LinkProgress("prepare", 0, total));
        var (session, index) = _prepared ?? Prepare(parallel);
        _progress?.Report(new LinkProgress("prepare", total, total));

        var referenceKeys = RecordKeys.Compute(index.Rules, session.References, parallel);
        var siblings = new PairSiblingGroups(_references);
        var newListings = _options.NewListings is { } ids ? Array.ConvertAll(session.ListingIds, ids.Contains) : null;
        var chunks = ReferenceChunks.Split(_references, ChunkSize);
        lock (_gate)
        {
            _chunkCount = chunks.Count;
            Monitor.PulseAll(_gate);
        }
        var pairsPerRule = new long[index.Rules.Count];
        long candidatePairs = 0;
        long done = 0;
        Parallel.For(0, _workers, parallel, _ =>
        {
            var worker = new LinkWorker(session, index, referenceKeys, _options, newListings);
            var matches = new List<CandidateMatch>();
            while (true)
            {
                _window.Wait(token);
                var chunk = Interlocked.Increment(ref _taken) - 1;
                if (chunk >= chunks.Count)
                {
                    _window.Release();
                    break;
                }
                matches.Clear();
                var (offset, length) = chunks[chunk].GetOffsetAndLength(_references.Count);
                for (var r = offset; r < offset + length; r++)
                {
                    token.ThrowIfCancellationRequested();
                    worker.Link(r, _references, matches);
                }
                var batch = _options.SiblingEvidence ? SiblingEvidence.Apply(matches, siblings, _engine.Model) : [.. matches];
                if (_options.Exhaustive)
                {
                    // Sibling evidence re-ranks by weight, so the pairs it leaves below review are each reference's last.
                    batch = [.. batch.Where(m => m.Decision != MatchDecision.NonMatch)];
                }
                lock (_gate)
                {
                    _finished.Add(chunk, batch);
                    Monitor.PulseAll(_gate);
                }
                var finished = Interlocked.Add(ref done, length);
                _progress?.Report(new LinkProgress("link", finished, _references.Count));
            }
            Interlocked.Add(ref candidatePairs, worker.CandidatePairs);
            for (var rule = 0; rule < pairsPerRule.Length; rule++)
            {
                Interlocked.Add(ref pairsPerRule[rule], worker.PairsPerRule[rule]);
            }
        });

        return (candidatePairs, index.Rules.Select((rule, i) => (rule.Name, pairsPerRule[i])).ToDictionary(p => p.Name, p => p.Item2));
    }
}
