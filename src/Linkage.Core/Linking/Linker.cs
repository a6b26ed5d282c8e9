using Linkage.Blocking;
using Linkage.Comparison;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// The whole pipeline for one run: prepare both sides once, block, compare every candidate pair into a level
/// vector, score it, keep each reference's best candidates ranked, decide, and explain what was kept.
/// </summary>
public static class Linker
{
    public static LinkResult Link(
        IReadOnlyList<ReferenceRecord> references,
        IReadOnlyList<ListingRecord> listings,
        LinkEngine engine,
        LinkOptions? options = null,
        IProgress<LinkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LinkOptions();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.DegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        progress?.Report(new LinkProgress("prepare", 0, references.Count + listings.Count));
        var session = LinkSession.Prepare(references, listings, engine, parallel);
        progress?.Report(new LinkProgress("prepare", references.Count + listings.Count, references.Count + listings.Count));

        var rules = engine.BlockingRules;
        var index = BlockingIndex.Build(rules, session.Listings);
        var perReference = new CandidateMatch[references.Count][];
        var pairsPerRule = new long[rules.Count];
        long candidatePairs = 0;
        long done = 0;

        Parallel.For(
            0,
            references.Count,
            parallel,
            () => new Worker(session, index, options.MaxCandidatesPerReference),
            (r, _, worker) =>
            {
                perReference[r] = worker.Link(r, references, listings);
                var finished = Interlocked.Increment(ref done);
                if (progress is not null && (finished & 255) == 0)
                {
                    progress.Report(new LinkProgress("link", finished, references.Count));
                }
                return worker;
            },
            worker =>
            {
                Interlocked.Add(ref candidatePairs, worker.CandidatePairs);
                for (var rule = 0; rule < pairsPerRule.Length; rule++)
                {
                    Interlocked.Add(ref pairsPerRule[rule], worker.PairsPerRule[rule]);
                }
            });
        progress?.Report(new LinkProgress("link", references.Count, references.Count));

        return new LinkResult
        {
            Matches = SiblingEvidence.Apply(perReference.SelectMany(m => m).ToArray(), references, listings, engine.Model),
            CandidatePairs = candidatePairs,
            PairsPerRule = rules.Select((rule, i) => (rule.Name, pairsPerRule[i])).ToDictionary(p => p.Name, p => p.Item2),
        };
    }

    /// <summary>One thread's reusable buffers; nothing here is shared.</summary>
    private sealed class Worker(LinkSession session, BlockingIndex index, int keep)
    {
        private readonly CandidateFinder _finder = new(index, session.References, session.Listings.Count);
        private readonly TopCandidates _top = new(keep);
        private readonly ComparisonCursor[] _cursors = session.Model.Comparisons.Select(c => c.OpenCursor()).ToArray();
        private readonly byte[] _levels = new byte[session.Model.Comparisons.Count];

        public long CandidatePairs { get; private set; }

        public long[] PairsPerRule { get; } = new long[index.Rules.Count];

        public CandidateMatch[] Link(int reference, IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings)
        {
            _finder.Find(reference);
            _top.Clear();
            var candidates = _finder.Candidates;
            var masks = _finder.RuleMasks;
            CandidatePairs += candidates.Count;
            foreach (var cursor in _cursors)
            {
                cursor.MoveTo(reference);
            }
            for (var i = 0; i < candidates.Count; i++)
            {
                CountRules(masks[i]);
                var listing = candidates[i];
                for (var c = 0; c < _cursors.Length; c++)
                {
                    _levels[c] = (byte)_cursors[c].Level(listing);
                }
                _top.Offer(session.Model.Weight(_levels), listing, masks[i]);
            }

            var kept = new CandidateMatch[_top.Count];
            for (var rank = 0; rank < _top.Count; rank++)
            {
                var (weight, listing, mask) = _top[rank];
                kept[rank] = session.Explain(reference, listing, weight, rank + 1, mask, references[reference], listings[listing], index.Rules);
            }
            return kept;
        }

        private void CountRules(uint mask)
        {
            for (var rule = 0; mask != 0; rule++, mask >>= 1)
            {
                if ((mask & 1) != 0)
                {
                    PairsPerRule[rule]++;
                }
            }
        }
    }
}
