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
    /// <summary>By level (as <see cref="_weights"/>): each listing's value id for a term-frequency-adjusted level, else null.</summary>
    private readonly int[]?[] _termValues;
    /// <summary>By level: the adjustment for each value id, where <see cref="_termValues"/> is set.</summary>
    private readonly double[]?[] _adjustments;

    private CompiledModel(
        MatchModel model, IReadOnlyList<FieldComparison> comparisons, double[] weights, int[] offsets, int[]?[] termValues, double[]?[] adjustments)
    {
        _termValues = termValues;
        _adjustments = adjustments;
        Model = model;
        Comparisons = comparisons;
        _weights = weights;
        _offsets = offsets;
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
        var termValues = new List<int[]?>();
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
            for (var level = 0; level < comparisonModel.Levels.Count; level++)
            {
                var levelModel = comparisonModel.Levels[level];
                var isNull = level == comparison.NullLevel || levelModel.IsNull;
                weights.Add(isNull ? 0 : levelModel.Weight ?? Math.Log2(levelModel.M / levelModel.U));
                var values = levelModel.TfAdjust && !isNull ? comparison.TermValues(level) : null;
                if (levelModel.TfAdjust && values is null)
                {
                    throw new InvalidDataException(
                        $"model '{model.Name}': comparison '{comparison.Name}' level '{levelModel.Name}' names no value to adjust by frequency");
                }
                termValues.Add(values);
                adjustments.Add(values is null ? null : TermFrequencies.Adjustments(values, levelModel.U, levelModel.TfMinimumU));
            }
            comparisons.Add(comparison);
        }
        return new CompiledModel(model, comparisons, weights.ToArray(), offsets.ToArray(), termValues.ToArray(), adjustments.ToArray());
    }

    /// <summary>The level's weight before any term-frequency adjustment.</summary>
    public double LevelWeight(int comparison, int level) => _weights[_offsets[comparison] + level];

    /// <summary>The level's weight for a pair with this listing, its term-frequency adjustment included.</summary>
    public double LevelWeight(int comparison, int level, int listing)
    {
        var at = _offsets[comparison] + level;
        var values = _termValues[at];
        return values is null ? _weights[at] : _weights[at] + _adjustments[at]![values[listing]];
    }

    /// <summary>The term-frequency adjustment of the level's weight for a pair with this listing (0 when none).</summary>
    public double Adjustment(int comparison, int level, int listing)
    {
        var at = _offsets[comparison] + level;
        return _termValues[at] is { } values ? _adjustments[at]![values[listing]] : 0;
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
    public double MaxLevelWeight(int comparison, int level)
    {
        var i = _offsets[comparison] + level;
        var largestAdjustment = _adjustments[i] is { Length: > 0 } adjustments ? Math.Max(0, adjustments.Max()) : 0;
        return _weights[i] + largestAdjustment;
    }

    /// <summary>The match weight of a pair from its level vector: the prior plus each comparison's weight.</summary>
    public double Weight(ReadOnlySpan<byte> levels, int listing)
    {
        var weight = PriorWeight;
        for (var c = 0; c < levels.Length; c++)
        {
            weight += LevelWeight(c, levels[c], listing);
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
