using Linkage.Comparison;
using Linkage.Linking;

namespace Linkage.Scoring;

/// <summary>
/// A <see cref="MatchModel"/> bound to the comparisons that compute its levels: a flat table of
/// weights (log2(m/u), or a classifier's own) indexed by comparison and level, plus the prior weight and the decision thresholds.
/// </summary>
internal sealed class CompiledModel
{
    private readonly double[] _weights;
    private readonly int[] _offsets;
    /// <summary>
    /// By level (as <see cref="_weights"/>): each listing's value id for a term-frequency-adjusted level, read through
    /// the listing's memo line, where <see cref="_adjustments"/> is set.
    /// </summary>
    private readonly MemoValueArray<int>[] _termValues;
    /// <summary>By level: each reference's value id where the two sides' values differ (fuzzy levels), else null.</summary>
    private readonly int[]?[] _referenceTermValues;
    /// <summary>By level: the adjustment for each value id for a term-frequency-adjusted level, else null.</summary>
    private readonly double[]?[] _adjustments;
    /// <summary>By level: its weight plus the largest positive adjustment any listing's value gets, for pruning bounds.</summary>
    private readonly double[] _maxWeights;

    private CompiledModel(
        MatchModel model, IReadOnlyList<FieldComparison> comparisons, double[] weights, int[] offsets, TermValues?[] termValues,
        int[]?[] referenceTermValues, double[]?[] adjustments)
    {
        _termValues = Array.ConvertAll(termValues, v => v?.ListingsByValue ?? default);
        _referenceTermValues = referenceTermValues;
        _adjustments = adjustments;
        Model = model;
        Comparisons = comparisons;
        _weights = weights;
        _offsets = offsets;
        _maxWeights = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            // A pair's adjustment is at most its listing value's, whatever the reference holds.
            var largestAdjustment = termValues[i] is { Listings: { Length: > 0 } values } ? Math.Max(0, values.Max(v => adjustments[i]![v])) : 0;
            _maxWeights[i] = weights[i] + largestAdjustment;
        }
        PriorWeight = Math.Log2(model.Prior / (1 - model.Prior));
    }

    public MatchModel Model { get; }

    /// <summary>The comparisons in the model's order.</summary>
    public IReadOnlyList<FieldComparison> Comparisons { get; }

    /// <summary>log2 of the prior odds that a pair is the same child.</summary>
    public double PriorWeight { get; }

    /// <summary>
    /// Binds each comparison of the model to the available one of the same name and level names, and computes the
    /// term-frequency adjustments of the levels that ask for them from the available comparisons' listings.
    /// </summary>
    public static CompiledModel Compile(MatchModel model, IReadOnlyDictionary<string, FieldComparison> available)
    {
        var comparisons = new List<FieldComparison>();
        var weights = new List<double>();
        var offsets = new List<int>();
        var termValues = new List<TermValues?>();
        var referenceTermValues = new List<int[]?>();
        var adjustments = new List<double[]?>();
        foreach (var comparisonModel in model.Comparisons)
        {
            if (!available.TryGetValue(comparisonModel.Name, out var comparison))
            {
                throw new InvalidDataException(
                    $"model '{model.Name}': no comparison named '{comparisonModel.Name}' (available: {string.Join(", ", available.Keys)})");
            }
            var modelLevels = comparisonModel.Levels.Select(l => l.Name).ToArray();
            if (!modelLevels.SequenceEqual(comparison.LevelNames))
            {
                throw new InvalidDataException(
                    $"model '{model.Name}': comparison '{comparison.Name}' has levels [{string.Join(", ", modelLevels)}] " +
                    $"but this build computes [{string.Join(", ", comparison.LevelNames)}]");
            }
            offsets.Add(weights.Count);
            var sharedValueU = SharedValueU(comparisonModel, comparison);
            for (var level = 0; level < comparisonModel.Levels.Count; level++)
            {
                var levelModel = comparisonModel.Levels[level];
                var isNull = level == comparison.NullLevel || levelModel.IsNull;
                weights.Add(isNull ? 0 : levelModel.Weight ?? Math.Log2(levelModel.M / levelModel.U));
                var values = levelModel.TfAdjust && !isNull ? comparison.TermValuesOf(level) : null;
                if (levelModel.TfAdjust && values is null)
                {
                    throw new InvalidDataException(
                        $"model '{model.Name}': comparison '{comparison.Name}' level '{levelModel.Name}' names no value to adjust by frequency");
                }
                termValues.Add(values);
                referenceTermValues.Add(values is { Shared: false } ? values.References : null);
                adjustments.Add(values is null ? null : TermFrequencies.Adjustments(
                    values.Listings, ValueCount(values), values.Shared ? levelModel.U : sharedValueU, levelModel.TfMinimumU));
            }
            comparisons.Add(comparison);
        }
        return new CompiledModel(
            model, comparisons, weights.ToArray(), offsets.ToArray(), termValues.ToArray(), referenceTermValues.ToArray(), adjustments.ToArray());
    }

    /// <summary>
    /// How often two records drawn at random share a value: the summed u of the levels at which both sides hold
    /// the same value (a name's exact and same-key levels). A fuzzy level's adjustment compares the value's
    /// frequency with it, as Splink compares it with the exact level's u, since the fuzzy level's own u measures
    /// how often spellings are near, not how often a value recurs.
    /// </summary>
    private static double SharedValueU(ComparisonModel comparisonModel, FieldComparison comparison)
    {
        var u = 0.0;
        for (var level = 0; level < comparisonModel.Levels.Count; level++)
        {
            if (level != comparison.NullLevel && comparison.TermValuesOf(level) is { Shared: true })
            {
                u += comparisonModel.Levels[level].U;
            }
        }
        return u;
    }

    private static int ValueCount(TermValues values) =>
        Math.Max(values.Listings.Length == 0 ? 0 : values.Listings.Max(), values.References.Length == 0 ? 0 : values.References.Max()) + 1;

    /// <summary>The level's weight before any term-frequency adjustment.</summary>
    public double LevelWeight(int comparison, int level) => _weights[_offsets[comparison] + level];

    /// <summary>The level's weight for a pair, its term-frequency adjustment included.</summary>
    public double LevelWeight(int comparison, int level, int reference, int listing)
    {
        var at = _offsets[comparison] + level;
        return _adjustments[at] is null ? _weights[at] : _weights[at] + Adjustment(at, reference, listing);
    }

    /// <summary>The term-frequency adjustment of the level's weight for a pair (0 when none).</summary>
    public double Adjustment(int comparison, int level, int reference, int listing)
    {
        var at = _offsets[comparison] + level;
        return _adjustments[at] is null ? 0 : Adjustment(at, reference, listing);
    }

    /// <summary>The sum of the term-frequency adjustments of a pair's levels: what the level weights leave out.</summary>
    public double Adjustments(ReadOnlySpan<byte> levels, int reference, int listing)
    {
        var total = 0.0;
        for (var c = 0; c < levels.Length; c++)
        {
            total += Adjustment(c, levels[c], reference, listing);
        }
        return total;
    }

    private double Adjustment(int at, int reference, int listing)
    {
        var adjustments = _adjustments[at]!;
        var adjustment = adjustments[_termValues[at][listing]];
        // The two sides' values differ (a fuzzy level): the more common value, the smaller adjustment, counts.
        return _referenceTermValues[at] is { } references ? Math.Min(adjustment, adjustments[references[reference]]) : adjustment;
    }

    /// <summary>
    /// The largest weight any level of a comparison adds with any listing (0 at least: the null level weighs nothing).
    /// </summary>
    public double MaxLevelWeight(int comparison)
    {
        var max = 0.0;
        for (var level = 0; level < Comparisons[comparison].LevelNames.Count; level++)
        {
            max = Math.Max(max, MaxLevelWeight(comparison, level));
        }
        return max;
    }

    /// <summary>The largest weight the level adds with any listing: its weight plus its largest positive adjustment.</summary>
    public double MaxLevelWeight(int comparison, int level) => _maxWeights[_offsets[comparison] + level];

    /// <summary>The match weight of a pair from its level vector: the prior plus each comparison's weight.</summary>
    public double Weight(ReadOnlySpan<byte> levels, int reference, int listing)
    {
        var weight = PriorWeight;
        for (var c = 0; c < levels.Length; c++)
        {
            weight += LevelWeight(c, levels[c], reference, listing);
        }
        return weight;
    }

    /// <summary>The weight whose probability is <paramref name="probability"/>: the inverse of <see cref="Probability"/>.</summary>
    public static double WeightOf(double probability) => Math.Log2(probability / (1 - probability));

    public static double Probability(double weight) => 1.0 / (1.0 + Math.Pow(2, -weight));

    public MatchDecision Decide(double probability) => Decide(probability, Model.Thresholds);

    public static MatchDecision Decide(double probability, DecisionThresholds thresholds) =>
        probability >= thresholds.Match ? MatchDecision.Match
        : probability >= thresholds.Review ? MatchDecision.Review
        : MatchDecision.NonMatch;
}
