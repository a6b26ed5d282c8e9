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
        references = options.Shard?.Select(references) ?? references;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.DegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        progress?.Report(new LinkProgress("prepare", 0, references.Count + listings.Count));
        var session = LinkSession.Prepare(references, listings, engine, parallel);
        progress?.Report(new LinkProgress("prepare", references.Count + listings.Count, references.Count + listings.Count));
        var result = Link(session, references, BlockingIndex.Build(engine.BlockingRules, session.Listings), options, parallel, progress);
        return options.OneToOne ? result with { Matches = OneToOneAssignment.Apply(result.Matches, references, engine) } : result;
    }

    /// <summary>
    /// Links a prepared session. The exhaustive run keeps what the blocked run would keep at or above the review
    /// threshold if blocking proposed every pair: pairs that only a co-listed sibling can lift to review are
    /// compared too, and whatever the sibling evidence leaves below review is dropped.
    /// </summary>
    internal static LinkResult Link(
        LinkSession session,
        IReadOnlyList<ReferenceRecord> references,
        BlockingIndex index,
        LinkOptions options,
        ParallelOptions parallel,
        IProgress<LinkProgress>? progress = null)
    {
        var rules = index.Rules;
        var perReference = new CandidateMatch[references.Count][];
        var pairsPerRule = new long[rules.Count];
        long candidatePairs = 0;
        long done = 0;

        Parallel.For(
            0,
            references.Count,
            parallel,
            () => new Worker(session, index, options),
            (r, _, worker) =>
            {
                perReference[r] = worker.Link(r, references);
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

        var matches = SiblingEvidence.Apply(perReference.SelectMany(m => m).ToArray(), references, session.ListingRecords, session.Model.Model);
        return new LinkResult
        {
            // Sibling evidence re-ranks by weight, so the pairs it leaves below review are each reference's last.
            Matches = options.Exhaustive ? matches.Where(m => m.Decision != MatchDecision.NonMatch).ToArray() : matches,
            CandidatePairs = candidatePairs,
            PairsPerRule = rules.Select((rule, i) => (rule.Name, pairsPerRule[i])).ToDictionary(p => p.Name, p => p.Item2),
        };
    }

    /// <summary>One thread's reusable buffers; nothing here is shared.</summary>
    private sealed class Worker(LinkSession session, BlockingIndex index, LinkOptions options)
    {
        /// <summary>Slack for rounding: the bound and the weight sum the same terms in different orders.</summary>
        private const double Slack = 1e-9;

        private readonly CandidateFinder _finder = new(index, session.References, session.Listings.Count);
        private readonly TopCandidates _top = new(options.MaxCandidatesPerReference);
        private readonly PairScorer _scorer = new(session.Model);
        private readonly double _reviewWeight = CompiledModel.WeightOf(session.Model.Model.Thresholds.Review);
        /// <summary>The most sibling evidence can add to a pair of a reference with a sibling group.</summary>
        private readonly double _siblingLift = Math.Max(0, session.Model.Model.SiblingWeight ?? 0);

        public long CandidatePairs { get; private set; }

        public long[] PairsPerRule { get; } = new long[index.Rules.Count];

        public CandidateMatch[] Link(int reference, IReadOnlyList<ReferenceRecord> references)
        {
            _finder.Find(reference);
            _top.Clear();
            _scorer.MoveTo(reference);
            var masks = _finder.RuleMasks;
            for (var i = 0; i < masks.Count; i++)
            {
                CountRules(masks[i]);
            }
            if (options.Exhaustive)
            {
                CompareAll(references[reference].Person.SiblingGroup.Length > 0 ? _reviewWeight - _siblingLift : _reviewWeight);
            }
            else
            {
                CompareCandidates();
            }

            var kept = new CandidateMatch[_top.Count];
            for (var rank = 0; rank < _top.Count; rank++)
            {
                var (weight, listing) = _top[rank];
                kept[rank] = session.Explain(
                    reference, listing, weight, rank + 1, _finder.RuleMaskOf(listing), references[reference], index.Rules);
            }
            return kept;
        }

        private void CompareCandidates()
        {
            var candidates = _finder.Candidates;
            CandidatePairs += candidates.Count;
            for (var i = 0; i < candidates.Count; i++)
            {
                var listing = candidates[i];
                // Once the top list is full, a pair that cannot beat its last entry needs no string kernel.
                var weight = _scorer.Weight(listing, _top.Floor - Slack);
                if (!double.IsNegativeInfinity(weight))
                {
                    _top.Offer(weight, listing);
                }
            }
        }

        /// <param name="floor">The least weight that can end at or above review: the review weight, less the sibling
        /// weight when the reference has siblings.</param>
        private void CompareAll(double floor)
        {
            var count = session.Listings.Count;
            CandidatePairs += count;
            for (var listing = 0; listing < count; listing++)
            {
                var weight = _scorer.Weight(listing, Math.Max(floor, _top.Floor) - Slack);
                // A pruned pair is −∞. The floor compares weights, not probabilities rounded near 0 or 1.
                if (weight >= floor - Slack)
                {
                    _top.Offer(weight, listing);
                }
            }
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
