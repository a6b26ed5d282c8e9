using Linkage.Comparison;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// Levels and weighs the pairs of one reference at a time, for one worker thread. Cheap comparisons (integers,
/// dates, places) and the string comparisons' cheap checks (missing, equal, a letter-count filter) run before any
/// string kernel, and after each the weight so far plus the most the undecided comparisons could add is checked
/// against a floor: a pair that cannot reach it is dropped without running the kernels. The kernels still needed
/// run in order of how much a disagreement can lower the bound, and each is told the weakest of its levels that
/// could still keep the pair, so it stops at that level's cutoff.
/// The floor never drops a pair that would reach it, so pruning changes no kept result.
/// </summary>
internal sealed class PairScorer
{
    /// <summary>Slack for rounding: the bound and the weight sum the same terms in different orders.</summary>
    private const double Slack = 1e-9;

    private readonly CompiledModel _model;
    private readonly ComparisonCursor[] _cursors;
    /// <summary>
    /// Comparison indices in evaluation order: the comparisons without a string kernel, then the string comparisons
    /// (their cheap checks, then their kernels), those a disagreement lowers the bound most first (at most 32:
    /// <see cref="Weight(int, double)"/> keeps the undecided ones in a bit mask).
    /// </summary>
    private readonly int[] _order;
    /// <summary>The largest weight all comparisons together can add.</summary>
    private readonly double _maxTotal;
    /// <summary>By comparison, the largest weight of each level (null levels: +∞, a missing value is never pruned on).</summary>
    private readonly double[][] _levelCeilings;
    private readonly bool[] _usesStringKernel;
    private readonly bool[] _hasLevelCutoffs;
    /// <summary>By comparison, the largest weight it can add (<see cref="CompiledModel.MaxLevelWeight(int)"/>).</summary>
    private readonly double[] _maxWeights;
    private readonly byte[] _levels;
    private int _reference;

    public PairScorer(CompiledModel model)
    {
        _model = model;
        var comparisons = model.Comparisons;
        _cursors = comparisons.Select(c => c.OpenCursor()).ToArray();
        _usesStringKernel = comparisons.Select(c => c.UsesStringKernel).ToArray();
        _hasLevelCutoffs = comparisons.Select(c => c.HasLevelCutoffs).ToArray();
        _levelCeilings = comparisons.Select((c, i) => Enumerable.Range(0, c.LevelNames.Count)
            .Select(level => level == c.NullLevel ? double.PositiveInfinity : model.MaxLevelWeight(i, level)).ToArray()).ToArray();
        _order = Enumerable.Range(0, comparisons.Count)
            .OrderBy(c => comparisons[c].UsesStringKernel ? 1 : 0)
            .ThenByDescending(c => comparisons[c].UsesStringKernel ? model.MaxLevelWeight(c) - LowestLevelWeight(model, c) : 0)
            .ToArray();
        _maxWeights = Enumerable.Range(0, comparisons.Count).Select(c => model.MaxLevelWeight(c)).ToArray();
        _maxTotal = _maxWeights.Sum();
        if (comparisons.Count > 32)
        {
            throw new InvalidDataException("at most 32 comparisons are supported");
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
    /// <paramref name="floor"/> (then <see cref="Levels"/> is incomplete). First the cheap comparisons and whatever
    /// the string comparisons' cheap checks decide, then the string kernels still needed, each checked against the
    /// weight so far plus the most the undecided comparisons could add.
    /// </summary>
    public double Weight(int listing, double floor)
    {
        // Locals: the loop reads them on every pair.
        var order = _order;
        var cursors = _cursors;
        var usesKernel = _usesStringKernel;
        var hasCutoffs = _hasLevelCutoffs;
        var levels = _levels;
        var model = _model;
        var reference = _reference;
        var weight = model.PriorWeight;
        var undecided = _maxTotal;
        var pending = 0u;
        for (var k = 0; k < order.Length; k++)
        {
            var c = order[k];
            var level = !usesKernel[c] ? cursors[c].Level(listing) : hasCutoffs[c] ? cursors[c].QuickLevel(listing) : -1;
            if (level < 0)
            {
                pending |= 1u << k;
                continue;
            }
            levels[c] = (byte)level;
            weight += model.LevelWeight(c, level, reference, listing);
            undecided -= _maxWeights[c];
            if (weight + undecided < floor)
            {
                return double.NegativeInfinity;
            }
        }
        for (var k = 0; pending != 0; k++, pending >>= 1)
        {
            if ((pending & 1) == 0)
            {
                continue;
            }
            var c = order[k];
            undecided -= _maxWeights[c];
            int level;
            if (hasCutoffs[c])
            {
                // The weight this comparison must add for the pair to reach the floor: weaker levels need no kernel work.
                var ceilings = _levelCeilings[c];
                var strongestUseful = StrongestUseful(ceilings, floor - weight - undecided - Slack);
                level = cursors[c].Level(listing, strongestUseful);
                if (level > strongestUseful && !double.IsPositiveInfinity(ceilings[level]))
                {
                    return double.NegativeInfinity;
                }
            }
            else
            {
                level = cursors[c].Level(listing);
            }
            levels[c] = (byte)level;
            weight += model.LevelWeight(c, level, reference, listing);
            if (weight + undecided < floor)
            {
                return double.NegativeInfinity;
            }
        }
        return weight;
    }

    /// <summary>The weakest non-null level that can add at least <paramref name="needed"/>; −1 when none can.</summary>
    private static int StrongestUseful(double[] ceilings, double needed)
    {
        for (var level = ceilings.Length - 1; level >= 0; level--)
        {
            if (ceilings[level] >= needed && !double.IsPositiveInfinity(ceilings[level]))
            {
                return level;
            }
        }
        return -1;
    }

    private static double LowestLevelWeight(CompiledModel model, int comparison)
    {
        var lowest = 0.0;
        var levels = model.Comparisons[comparison].LevelNames.Count;
        for (var level = 0; level < levels; level++)
        {
            lowest = Math.Min(lowest, model.LevelWeight(comparison, level));
        }
        return lowest;
    }
}
