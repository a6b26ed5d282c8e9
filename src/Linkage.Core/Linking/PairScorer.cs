using Linkage.Comparison;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// Levels and weighs the pairs of one reference at a time, for one worker thread. Cheap comparisons (integers,
/// dates, places) run before the name comparisons, and after each the weight so far plus the most the remaining
/// comparisons could add is checked against a floor: a pair that cannot reach it is dropped without running
/// the string kernels. The floor never drops a pair that would reach it, so pruning changes no kept result.
/// </summary>
internal sealed class PairScorer
{
    private readonly CompiledModel _model;
    private readonly ComparisonCursor[] _cursors;
    /// <summary>Comparison indices in evaluation order: cheapest first.</summary>
    private readonly int[] _order;
    /// <summary>For each position k of <see cref="_order"/>, the largest weight comparisons k and later can add.</summary>
    private readonly double[] _headroom;
    private readonly byte[] _levels;
    private int _reference;

    public PairScorer(CompiledModel model)
    {
        _model = model;
        var comparisons = model.Comparisons;
        _cursors = comparisons.Select(c => c.OpenCursor()).ToArray();
        _order = Enumerable.Range(0, comparisons.Count).OrderBy(c => comparisons[c].UsesStringKernel ? 1 : 0).ToArray();
        _headroom = new double[_order.Length + 1];
        for (var k = _order.Length - 1; k >= 0; k--)
        {
            _headroom[k] = _headroom[k + 1] + model.MaxLevelWeight(_order[k]);
        }
        _levels = new byte[comparisons.Count];
    }

    /// <summary>The level of each comparison, in the model's order, for the last pair fully weighed.</summary>
    public ReadOnlySpan<byte> Levels => _levels;

    public void MoveTo(int reference)
    {
        _reference = reference;
        foreach (var cursor in _cursors)
        {
            cursor.MoveTo(reference);
        }
    }

    /// <summary>The pair's match weight, prior included.</summary>
    public double Weight(int listing) => Weight(listing, double.NegativeInfinity);

    /// <summary>
    /// The pair's match weight, or <see cref="double.NegativeInfinity"/> as soon as it is certain to fall below
    /// <paramref name="floor"/> (then <see cref="Levels"/> is incomplete).
    /// </summary>
    public double Weight(int listing, double floor)
    {
        // Locals: the loop reads them on every pair.
        var order = _order;
        var cursors = _cursors;
        var headroom = _headroom;
        var levels = _levels;
        var model = _model;
        var reference = _reference;
        var weight = model.PriorWeight;
        for (var k = 0; k < order.Length; k++)
        {
            var c = order[k];
            var level = cursors[c].Level(listing);
            levels[c] = (byte)level;
            weight += model.LevelWeight(c, level, reference, listing);
            if (weight + headroom[k + 1] < floor)
            {
                return double.NegativeInfinity;
            }
        }
        return weight;
    }
}
