using System.Globalization;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Scoring.Training;

/// <summary>
/// Trains a model for a reference file and a listing file, in the manner of Splink: u from random pairs; m by
/// expectation–maximisation over each blocking rule's candidate pairs with that rule's own comparisons held
/// fixed, averaged over the sessions that could estimate it; the prior from the sessions' expected matches.
/// With labels it also fits m and u by counting labelled candidate pairs and a logistic regression over the
/// levels, measures every candidate on held-back labels and keeps the best (lowest log loss), refitted on all
/// labels.
/// </summary>
public static class ModelTrainer
{
    public const string EmCandidate = "em";
    public const string LabelledCandidate = "labelled";
    public const string LogisticCandidate = "logistic";

    /// <param name="baseEngine">Its model gives the comparisons, the starting m, the thresholds and the blocking rules.</param>
    /// <param name="labels">Known matches (and non-matches), or null to train without labels.</param>
    public static TrainingReport Train(
        IReadOnlyList<ReferenceRecord> references,
        IReadOnlyList<ListingRecord> listings,
        LinkEngine baseEngine,
        TrainingOptions? options = null,
        TrainingLabels? labels = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new TrainingOptions();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.DegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        var baseModel = baseEngine.Model;
        var pairs = TrainingPairs.Prepare(references, listings, baseEngine, parallel);
        var shape = pairs.Shape;
        var warnings = new List<string>();
        var name = options.ModelName ?? $"trained-{DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

        var random = pairs.SampleRandomPairs(options.RandomPairs, options.Seed);
        var u = CountLevels(random, shape, matchesOnly: false, nonMatchesOnly: false);
        shape.NormalizeCounts(u, pseudoCount: 1);

        // Labelled pairs carry the term-frequency adjustments linking would add under the trained u (which every
        // candidate but the label-counted one keeps), so the regression fits around them and the held-back
        // figures include them.
        var withTrainedU = pairs.Compile(ModelTables.Build(baseModel, shape, shape.TableOf(baseModel, l => l.M), u, baseModel.Prior, name, string.Empty));
        var blocked = pairs.Block(references, labels, options.HeldOutShare, options.Seed + 1, withTrainedU);
        var (m, sessions) = EstimateM(blocked, shape, baseModel, u, pairs, options, warnings);
        var expectedMatches = sessions.Where(s => s.Used).Select(s => s.ExpectedMatches).DefaultIfEmpty(0).Max();
        var crossProduct = (double)pairs.References * pairs.Listings;
        var prior = Math.Clamp(expectedMatches / crossProduct, 1e-9, 0.5);
        if (expectedMatches == 0)
        {
            prior = baseModel.Prior;
            warnings.Add("no EM session was usable: the prior and m are the starting model's");
        }
        var emModel = ModelTables.Build(baseModel, shape, m, u, prior, name,
            string.Create(CultureInfo.InvariantCulture,
                $"u from {options.RandomPairs:N0} random pairs; m by EM over blocked pairs ({sessions.Count(s => s.Used)} sessions); prior from about {expectedMatches:N0} expected matches among {pairs.References:N0} × {pairs.Listings:N0} records."));

        var candidates = new Dictionary<string, MatchModel> { [EmCandidate] = emModel };
        var heldOut = new List<HeldOutScore>();
        var chosen = EmCandidate;
        var model = emModel;
        SiblingEstimate? siblings = null;
        ThresholdChoice? thresholds = null;
        if (labels is not null)
        {
            if (blocked.LabelledMatchesNotBlocked > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{blocked.LabelledMatchesNotBlocked:N0} labelled matches were proposed by no blocking rule and cannot be learnt from"));
            }
            if (blocked.Training.TotalMatches == 0 || blocked.HeldOut.TotalMatches == 0)
            {
                warnings.Add("too few labelled matches to train from labels and hold some back: keeping the EM model");
            }
            else
            {
                candidates[LabelledCandidate] = FromLabelCounts(blocked.Training, shape, baseModel, name);
                candidates[LogisticCandidate] = FromLogistic(blocked.Training, shape, baseModel, name, options.L2, u, m, warnings);
                heldOut.AddRange(candidates.Select(c => HeldOutScore.Measure(c.Key, blocked.HeldOut, ModelTables.Probability(c.Value, shape))));
                chosen = heldOut.MinBy(s => s.LogLoss)!.Candidate;
                var all = new LevelPatterns(shape.Comparisons);
                all.AddAll(blocked.Training);
                all.AddAll(blocked.HeldOut);
                model = chosen switch
                {
                    LabelledCandidate => FromLabelCounts(all, shape, baseModel, name),
                    LogisticCandidate => FromLogistic(all, shape, baseModel, name, options.L2, u, m, warnings),
                    _ => emModel,
                };
            }
            siblings = EstimateSiblingWeight(references, listings, model, baseEngine, labels, options, warnings);
            if (siblings is not null)
            {
                model = model with { SiblingWeight = Math.Round(siblings.Weight, 4) };
            }
            if (options.TargetPrecision is { } targetPrecision && candidates.Count > 1)
            {
                // On the chosen candidate as fitted without the held-back labels, so the figures are honest.
                thresholds = ChooseThresholds(
                    references, listings, candidates[chosen] with { SiblingWeight = model.SiblingWeight }, baseEngine, labels,
                    blocked.HeldBackReferences, options, targetPrecision);
                if (!thresholds.PrecisionReached)
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"no probability reaches precision {targetPrecision} on held-back labels: the match threshold stays {baseModel.Thresholds.Match}"));
                }
                model = model with { Thresholds = thresholds.Thresholds };
            }
        }

        return new TrainingReport
        {
            Model = model,
            UnsupervisedModel = emModel,
            Candidates = candidates,
            RandomPairs = options.RandomPairs,
            CandidatePairs = blocked.CandidatePairs,
            Sessions = sessions,
            HeldOut = heldOut,
            Chosen = chosen,
            LabelledMatchesNotBlocked = blocked.LabelledMatchesNotBlocked,
            Siblings = siblings,
            Thresholds = thresholds,
            LabelledPairs = blocked.Training.TotalCount + blocked.HeldOut.TotalCount,
            LabelledMatches = blocked.Training.TotalMatches + blocked.HeldOut.TotalMatches,
            Warnings = warnings,
        };
    }

    /// <summary>One EM session per blocking rule; each comparison's m is the mean over the sessions that estimated it.</summary>
    private static (double[][] M, List<EmSessionReport> Sessions) EstimateM(
        BlockedPatterns blocked, ModelShape shape, MatchModel baseModel, double[][] u, TrainingPairs pairs, TrainingOptions options,
        List<string> warnings)
    {
        var startM = shape.TableOf(baseModel, l => l.M);
        var sums = shape.NewTable();
        var sessionsPerComparison = new int[shape.Comparisons];
        var sessions = new List<EmSessionReport>();
        var settings = new EmSettings { MaxIterations = options.MaxIterations, Tolerance = options.Tolerance, PriorMatches = options.PriorMatches };
        foreach (var (rule, patterns) in blocked.PerRule)
        {
            var fixedComparisons = BlockedComparisons.Of(rule, baseModel);
            var active = shape.Names.Select(n => !fixedComparisons.Contains(n)).ToArray();
            if (rule.IsSiblingCross)
            {
                // Its pairs are mostly siblings of matched children: they agree on surname, patronymic and birthplace
                // without being the same child, which EM would read as matches.
                sessions.Add(new EmSessionReport(rule.Name, (long)patterns.TotalCount, patterns.Count, [], 0, false, 0, 0, Used: false));
                continue;
            }
            if (patterns.TotalCount == 0)
            {
                warnings.Add($"blocking rule '{rule.Name}' proposed no pairs: no EM session");
                sessions.Add(new EmSessionReport(rule.Name, 0, 0, fixedComparisons.ToArray(), 0, false, 0, 0, Used: false));
                continue;
            }
            // Each reference has about one true listing among its candidates at most, so start λ there.
            var startLambda = Math.Clamp(Math.Min(pairs.References, pairs.Listings) / patterns.TotalCount, 1e-4, 0.5);
            var result = ExpectationMaximisation.Run(patterns, shape, u, startM, startLambda, active, settings);
            // A listing is at most one child, and a child is reported a few times at most: more expected matches
            // than records means EM has called the bulk of the block matches (a collapse, not an estimate).
            var plausibleMatches = Math.Max(pairs.References, pairs.Listings);
            var collapsed = result.ExpectedMatches > plausibleMatches;
            var used = result.ExpectedMatches >= options.MinExpectedMatches && !collapsed;
            if (!result.Converged)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"EM for blocking rule '{rule.Name}' did not converge in {result.Iterations} iterations"));
            }
            if (collapsed)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"EM for blocking rule '{rule.Name}' collapsed: {result.ExpectedMatches:N0} expected matches exceed the {plausibleMatches:N0} records, its m is not used"));
            }
            else if (!used)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"EM for blocking rule '{rule.Name}' expects only {result.ExpectedMatches:0.#} matches: too few to trust, its m is not used"));
            }
            sessions.Add(new EmSessionReport(rule.Name, (long)patterns.TotalCount, patterns.Count, fixedComparisons.ToArray(),
                result.Iterations, result.Converged, result.Lambda, result.ExpectedMatches, used));
            if (!used)
            {
                continue;
            }
            for (var c = 0; c < shape.Comparisons; c++)
            {
                if (!active[c])
                {
                    continue;
                }
                sessionsPerComparison[c]++;
                for (var level = 0; level < sums[c].Length; level++)
                {
                    sums[c][level] += result.M[c][level];
                }
            }
        }
        var m = shape.NewTable();
        for (var c = 0; c < shape.Comparisons; c++)
        {
            if (sessionsPerComparison[c] == 0)
            {
                warnings.Add($"no usable EM session could estimate m for '{shape.Names[c]}': it keeps the starting model's m");
                startM[c].CopyTo(m[c], 0);
                continue;
            }
            for (var level = 0; level < m[c].Length; level++)
            {
                m[c][level] = sums[c][level] / sessionsPerComparison[c];
            }
        }
        return (m, sessions);
    }

    /// <summary>
    /// The sibling weight as a Bayes factor over the labelled candidates the model keeps when it links the
    /// training files on comparison evidence alone: how much likelier a sibling's co-listing is for a match.
    /// </summary>
    private static SiblingEstimate? EstimateSiblingWeight(
        IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, MatchModel model, LinkEngine baseEngine,
        TrainingLabels labels, TrainingOptions options, List<string> warnings)
    {
        var engine = LinkEngine.Create(model with { SiblingWeight = null }, baseEngine.Names, baseEngine.Places);
        var linked = Linker.Link(references, listings, engine, new LinkOptions { DegreeOfParallelism = options.DegreeOfParallelism }).Matches;
        var supporters = SiblingEvidence.Supporters(linked, new PairSiblingGroups(references), model.Thresholds.Review);
        var matches = labels.Matches as IReadOnlySet<(string, string)> ?? labels.Matches.ToHashSet();
        var nonMatches = labels.NonMatches as IReadOnlySet<(string, string)> ?? labels.NonMatches.ToHashSet();
        int supportedMatches = 0, allMatches = 0, supportedNonMatches = 0, allNonMatches = 0;
        for (var i = 0; i < linked.Count; i++)
        {
            var pair = (linked[i].ReferenceId, linked[i].ListingId);
            var supported = supporters[i] is not null ? 1 : 0;
            if (matches.Contains(pair))
            {
                allMatches++;
                supportedMatches += supported;
            }
            else if (labels.UnlistedAreNonMatches || nonMatches.Contains(pair))
            {
                allNonMatches++;
                supportedNonMatches += supported;
            }
        }
        if (supportedMatches < MinSiblingSupport)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"only {supportedMatches} labelled matches have a sibling co-listed: the sibling weight stays the starting model's"));
            return null;
        }
        var weight = Math.Log2((supportedMatches + 0.5) / (allMatches + 1.0) / ((supportedNonMatches + 0.5) / (allNonMatches + 1.0)));
        return new SiblingEstimate(supportedMatches, allMatches, supportedNonMatches, allNonMatches, weight);
    }

    /// <summary>
    /// Thresholds chosen on the held-back references' candidates as <c>link</c> scores them (term-frequency
    /// adjustments, the sibling weight, the top candidates kept), so a target precision holds where the model is
    /// used. The review threshold decides which siblings support each other, so the files are linked again under
    /// a new review threshold until it settles.
    /// </summary>
    private static ThresholdChoice ChooseThresholds(
        IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings, MatchModel model, LinkEngine baseEngine,
        TrainingLabels labels, IReadOnlySet<string> heldBack, TrainingOptions options, double targetPrecision)
    {
        var matches = labels.Matches as IReadOnlySet<(string, string)> ?? labels.Matches.ToHashSet();
        var nonMatches = labels.NonMatches as IReadOnlySet<(string, string)> ?? labels.NonMatches.ToHashSet();
        var heldBackMatches = matches.Count(pair => heldBack.Contains(pair.Item1));
        var thresholds = model.Thresholds;
        for (var round = 1; ; round++)
        {
            var engine = LinkEngine.Create(model with { Thresholds = thresholds }, baseEngine.Names, baseEngine.Places);
            var linked = Linker.Link(references, listings, engine, new LinkOptions { DegreeOfParallelism = options.DegreeOfParallelism }).Matches;
            var scored = new List<(double Probability, double Count, double Matches)>();
            foreach (var candidate in linked.Where(m => heldBack.Contains(m.ReferenceId)))
            {
                var pair = (candidate.ReferenceId, candidate.ListingId);
                var isMatch = matches.Contains(pair);
                if (isMatch || labels.UnlistedAreNonMatches || nonMatches.Contains(pair))
                {
                    scored.Add((candidate.MatchProbability, 1, isMatch ? 1 : 0));
                }
            }
            var scoredMatches = scored.Sum(s => s.Matches);
            var choice = ThresholdChoice.Choose([.. scored], scoredMatches, targetPrecision, options.TargetRecall, model.Thresholds) with
            {
                Pairs = scored.Count,
                MatchesScored = scoredMatches,
                Matches = heldBackMatches,
            };
            if (choice.Thresholds.Review == thresholds.Review || model.SiblingWeight is null or 0 || round == MaxThresholdRounds)
            {
                return choice;
            }
            thresholds = choice.Thresholds;
        }
    }

    /// <summary>Links of the training files at most to settle the review threshold.</summary>
    private const int MaxThresholdRounds = 3;

    /// <summary>Fewer labelled matches with a co-listed sibling than this give no usable estimate.</summary>
    private const int MinSiblingSupport = 10;

    /// <summary>m from the labelled matches, u from the labelled non-matches, prior from their proportion.</summary>
    private static MatchModel FromLabelCounts(LevelPatterns labelled, ModelShape shape, MatchModel baseModel, string name)
    {
        var m = CountLevels(labelled, shape, matchesOnly: true, nonMatchesOnly: false);
        var u = CountLevels(labelled, shape, matchesOnly: false, nonMatchesOnly: true);
        shape.NormalizeCounts(m, pseudoCount: 0.5);
        shape.NormalizeCounts(u, pseudoCount: 0.5);
        var prior = labelled.TotalMatches / labelled.TotalCount;
        return ModelTables.Build(baseModel, shape, m, u, prior, name,
            string.Create(CultureInfo.InvariantCulture,
                $"m and u counted over {labelled.TotalCount:N0} labelled candidate pairs ({labelled.TotalMatches:N0} matches); prior is their match share."));
    }

    /// <summary>A logistic regression whose coefficients become level weights; m and u are kept for explanation.</summary>
    private static MatchModel FromLogistic(
        LevelPatterns labelled, ModelShape shape, MatchModel baseModel, string name, double l2, double[][] u, double[][] m, List<string> warnings)
    {
        // Each level keeps the direction its m and u give it (u from random pairs, which blocking did not select).
        var signs = shape.NewTable().Select((row, c) => row.Select((_, level) => level == shape.NullLevels[c] ? 0 : m[c][level].CompareTo(u[c][level])).ToArray()).ToArray();
        var fit = LogisticRegression.Fit(labelled, shape, l2, signs);
        if (!fit.Converged)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"logistic regression did not converge in {fit.Iterations} iterations"));
        }
        var log2Weights = fit.Coefficients.Select(row => row.Select(b => b / Math.Log(2)).ToArray()).ToArray();
        var prior = 1 / (1 + Math.Exp(-fit.Intercept));
        return ModelTables.Build(baseModel, shape, m, u, prior, name,
            string.Create(CultureInfo.InvariantCulture,
                $"logistic regression (L2 {l2}) over one-hot levels of {labelled.TotalCount:N0} labelled candidate pairs ({labelled.TotalMatches:N0} matches); weights are its coefficients in log2 units, m and u are the EM estimates, shown for explanation."),
            log2Weights);
    }

    private static double[][] CountLevels(LevelPatterns patterns, ModelShape shape, bool matchesOnly, bool nonMatchesOnly)
    {
        var counts = shape.NewTable();
        for (var p = 0; p < patterns.Count; p++)
        {
            var weight = matchesOnly ? patterns.MatchesOf(p)
                : nonMatchesOnly ? patterns.CountOf(p) - patterns.MatchesOf(p)
                : patterns.CountOf(p);
            var levels = patterns.Levels(p);
            for (var c = 0; c < levels.Length; c++)
            {
                counts[c][levels[c]] += weight;
            }
        }
        return counts;
    }
}
