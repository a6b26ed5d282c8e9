using Linkage.Evaluation;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Blocking;

/// <summary>
/// Measures a model's blocking rules on two sides: the distinct pairs each rule proposes, cumulatively in rule
/// order, the blocks that yield the most pairs, the reduction ratio, and with the truth, which true pairs
/// blocking keeps, in particular those the model would score at or above the review threshold.
/// </summary>
public static class BlockingAnalysis
{
    /// <param name="exhaustive">
    /// Also link exhaustively and blocked, as <c>linkage link --exhaustive</c> and <c>linkage link</c> do (sibling evidence
    /// and term-frequency adjustment included), and measure which of the pairs the exhaustive run keeps at or above
    /// the review threshold blocking proposes and the blocked run keeps there too.
    /// </param>
    public static BlockingReport Analyze(
        IReadOnlyList<ReferenceRecord> references,
        IReadOnlyList<ListingRecord> listings,
        LinkEngine engine,
        IReadOnlyCollection<TruthPair>? truth = null,
        bool exhaustive = false,
        int largestBlocks = 5,
        int? degreeOfParallelism = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(largestBlocks);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        var session = LinkSession.Prepare(references, listings, engine, parallel);
        var rules = engine.BlockingRules;
        var index = BlockingIndex.Build(rules, session.Listings);
        var referenceKeys = RecordKeys.Compute(rules, session.References, parallel);
        long unmatched = 0;
        var truthByReference = truth is null ? null : TruthByReference(truth, references, session.ListingRecords, out unmatched);

        var totals = new Tally(rules.Count);
        var gate = new Lock();
        Parallel.For(
            0,
            references.Count,
            parallel,
            () => (Finder: new CandidateFinder(index, referenceKeys, session.Listings.Count), Tally: new Tally(rules.Count)),
            (r, _, local) =>
            {
                local.Finder.Find(r);
                local.Tally.AddCandidates(local.Finder.RuleMasks);
                if (truthByReference is not null && truthByReference.TryGetValue(r, out var trueListings))
                {
                    foreach (var listing in trueListings)
                    {
                        var aboveReview = session.Decide(r, listing) != MatchDecision.NonMatch;
                        local.Tally.AddTruePair(local.Finder.RuleMaskOf(listing), aboveReview);
                    }
                }
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    totals.Add(local.Tally);
                }
            });

        var ruleReports = new BlockingRuleReport[rules.Count];
        long cumulative = 0;
        long cumulativeTrue = 0;
        for (var rule = 0; rule < rules.Count; rule++)
        {
            cumulative += totals.FirstProposedBy[rule];
            cumulativeTrue += totals.TrueFirstProposedBy[rule];
            ruleReports[rule] = new BlockingRuleReport
            {
                Name = rules[rule].Name,
                Keys = rules[rule].Parts.Select(p => p.ToSnakeCase()).ToArray(),
                Pairs = totals.ProposedBy[rule],
                CumulativePairs = cumulative,
                LargestBlocks = LargestBlocks(rule, rules[rule], index, session.References, largestBlocks),
                TruePairs = truth is null ? null : totals.TrueProposedBy[rule],
                CumulativeTruePairs = truth is null ? null : cumulativeTrue,
            };
        }
        return new BlockingReport
        {
            Exhaustive = exhaustive
                ? CompareWithExhaustive(session, references, index, engine, truth is null ? null : TruePairIds(truth), degreeOfParallelism, parallel)
                : null,
            References = references.Count,
            Listings = listings.Count,
            Rules = ruleReports,
            CandidatePairs = cumulative,
            Truth = truth is null ? null : new TruthCoverage
            {
                TruePairs = totals.TruePairs,
                TruePairsProposed = totals.TrueProposed,
                TruePairsAboveReview = totals.TrueAboveReview,
                TruePairsAboveReviewProposed = totals.TrueAboveReviewProposed,
                TruthRowsUnmatched = unmatched,
            },
        };
    }

    private static ExhaustiveCoverage CompareWithExhaustive(
        LinkSession session, IReadOnlyList<ReferenceRecord> references, BlockingIndex index, LinkEngine engine,
        HashSet<(string, string)>? truePairs, int? degreeOfParallelism, ParallelOptions parallel)
    {
        var all = Linker.Link(session, references, index, engine, new LinkOptions { Exhaustive = true, DegreeOfParallelism = degreeOfParallelism }, parallel.CancellationToken);
        var blocked = Linker.Link(session, references, index, engine, new LinkOptions { DegreeOfParallelism = degreeOfParallelism }, parallel.CancellationToken);
        var keptBlocked = blocked.Matches.Where(m => m.Decision != MatchDecision.NonMatch)
            .Select(m => (m.ReferenceId, m.ListingId)).ToHashSet();
        long pairs = 0, proposed = 0, kept = 0, truePairsKept = 0, trueProposed = 0, trueKept = 0;
        // The exhaustive run keeps nothing below review, and its candidates name the rules that propose them.
        foreach (var match in all.Matches)
        {
            var isProposed = match.BlockingRules.Count > 0;
            var isKept = keptBlocked.Contains((match.ReferenceId, match.ListingId));
            pairs++;
            proposed += isProposed ? 1 : 0;
            kept += isKept ? 1 : 0;
            if (truePairs is not null && truePairs.Contains((match.ReferenceId, match.ListingId)))
            {
                truePairsKept++;
                trueProposed += isProposed ? 1 : 0;
                trueKept += isKept ? 1 : 0;
            }
        }
        return new ExhaustiveCoverage
        {
            PairsAboveReview = pairs,
            Proposed = proposed,
            KeptByBlockedRun = kept,
            TruePairsAboveReview = truePairs is null ? null : truePairsKept,
            TrueProposed = truePairs is null ? null : trueProposed,
            TrueKeptByBlockedRun = truePairs is null ? null : trueKept,
        };
    }

    private static HashSet<(string, string)> TruePairIds(IReadOnlyCollection<TruthPair> truth) =>
        truth.Select(t => (t.ReferenceId, t.ListingId)).ToHashSet();

    private static Dictionary<int, List<int>> TruthByReference(
        IReadOnlyCollection<TruthPair> truth, IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, out long unmatched)
    {
        var referenceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < references.Count; i++)
        {
            referenceIndex.TryAdd(references[i].RecordId, i);
        }
        var listingIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < listings.Count; i++)
        {
            listingIndex.TryAdd(listings[i].ListingId, i);
        }
        var byReference = new Dictionary<int, List<int>>();
        unmatched = 0;
        foreach (var pair in truth.Distinct())
        {
            if (referenceIndex.TryGetValue(pair.ReferenceId, out var reference) && listingIndex.TryGetValue(pair.ListingId, out var listing))
            {
                if (!byReference.TryGetValue(reference, out var list))
                {
                    byReference[reference] = list = [];
                }
                list.Add(listing);
            }
            else
            {
                unmatched++;
            }
        }
        return byReference;
    }

    private static BlockSize[] LargestBlocks(int ruleIndex, BlockingRule rule, BlockingIndex index, Comparison.PreparedPeople references, int count)
    {
        if (count == 0)
        {
            return [];
        }
        var referencesPerKey = new Dictionary<ulong, long>();
        var keys = new List<ulong>();
        var scratch = new List<ulong>();
        for (var r = 0; r < references.Count; r++)
        {
            BlockKeys.Compute(rule, references, r, keys, scratch);
            foreach (var key in keys)
            {
                referencesPerKey[key] = referencesPerKey.GetValueOrDefault(key) + 1;
            }
        }
        return index.BlockSizes(ruleIndex)
            .Select(b => new BlockSize(referencesPerKey.GetValueOrDefault(b.Key), b.Size))
            .Where(b => b.Pairs > 0)
            .OrderByDescending(b => b.Pairs)
            .ThenByDescending(b => b.Listings)
            .Take(count)
            .ToArray();
    }

    /// <summary>Counts of one worker, added together at the end.</summary>
    private sealed class Tally(int rules)
    {
        public long[] ProposedBy { get; } = new long[rules];
        /// <summary>Pairs whose first proposing rule, in model order, is this one: summed, the cumulative counts.</summary>
        public long[] FirstProposedBy { get; } = new long[rules];
        public long[] TrueProposedBy { get; } = new long[rules];
        public long[] TrueFirstProposedBy { get; } = new long[rules];
        public long TruePairs { get; private set; }
        public long TrueProposed { get; private set; }
        public long TrueAboveReview { get; private set; }
        public long TrueAboveReviewProposed { get; private set; }

        public void AddCandidates(IReadOnlyList<uint> masks)
        {
            for (var i = 0; i < masks.Count; i++)
            {
                Count(masks[i], ProposedBy, FirstProposedBy);
            }
        }

        public void AddTruePair(uint mask, bool aboveReview)
        {
            TruePairs++;
            TrueAboveReview += aboveReview ? 1 : 0;
            if (mask != 0)
            {
                TrueProposed++;
                TrueAboveReviewProposed += aboveReview ? 1 : 0;
                Count(mask, TrueProposedBy, TrueFirstProposedBy);
            }
        }

        public void Add(Tally other)
        {
            for (var rule = 0; rule < ProposedBy.Length; rule++)
            {
                ProposedBy[rule] += other.ProposedBy[rule];
                FirstProposedBy[rule] += other.FirstProposedBy[rule];
                TrueProposedBy[rule] += other.TrueProposedBy[rule];
                TrueFirstProposedBy[rule] += other.TrueFirstProposedBy[rule];
            }
            TruePairs += other.TruePairs;
            TrueProposed += other.TrueProposed;
            TrueAboveReview += other.TrueAboveReview;
            TrueAboveReviewProposed += other.TrueAboveReviewProposed;
        }

        private static void Count(uint mask, long[] proposedBy, long[] firstProposedBy)
        {
            firstProposedBy[System.Numerics.BitOperations.TrailingZeroCount(mask)]++;
            for (var rule = 0; mask != 0; rule++, mask >>= 1)
            {
                proposedBy[rule] += mask & 1;
            }
        }
    }
}
