using System.Globalization;

namespace Linkage.Scoring.Training;

/// <summary>Turns tables of m, u and weights into model documents and back into probabilities.</summary>
internal static class ModelTables
{
    /// <summary>
    /// A model with <paramref name="baseModel"/>'s thresholds and blocking rules (kept as found) and the given
    /// estimates; with <paramref name="log2Weights"/> each non-null level also carries its weight.
    /// </summary>
    public static MatchModel Build(
        MatchModel baseModel, ModelShape shape, double[][] m, double[][] u, double prior, string name, string description,
        double[][]? log2Weights = null) => baseModel with
    {
        FormatVersion = MatchModel.CurrentFormatVersion,
        Name = name,
        Description = description,
        Prior = Round(prior),
        Scorer = log2Weights is null ? MatchModel.FellegiSunter : MatchModel.LogisticRegression,
        // Each comparison keeps its definition (a configured column, kind and thresholds); only its levels' figures change.
        Comparisons = Enumerable.Range(0, shape.Comparisons).Select(c =>
        {
            var design = baseModel.Comparisons.Single(x => x.Name == shape.Names[c]);
            return design with
            {
                Levels = shape.LevelNames[c].Select((level, l) => l == shape.NullLevels[c]
                    ? new LevelModel { Name = level, M = 1, U = 1, IsNull = true }
                    : new LevelModel
                    {
                        Name = level,
                        M = Round(m[c][l]),
                        U = Round(u[c][l]),
                        Weight = log2Weights is null ? null : Math.Round(log2Weights[c][l], 4),
                        // Term-frequency settings are the model's design, not an estimate: kept as found.
                        TfAdjust = design.Levels.FirstOrDefault(x => x.Name == level)?.TfAdjust ?? false,
                        TfMinimumU = design.Levels.FirstOrDefault(x => x.Name == level)?.TfMinimumU,
                    }).ToArray(),
            };
        }).ToArray(),
    };

    /// <summary>
    /// The probability a model gives a level vector with an offset in bits (its term-frequency adjustments),
    /// computed from its document as scoring would.
    /// </summary>
    public static Func<ReadOnlySpan<byte>, double, double> Probability(MatchModel model, ModelShape shape)
    {
        var weights = shape.NewTable();
        for (var c = 0; c < shape.Comparisons; c++)
        {
            var levels = model.Comparisons.Single(x => x.Name == shape.Names[c]).Levels;
            for (var l = 0; l < weights[c].Length; l++)
            {
                weights[c][l] = l == shape.NullLevels[c] || levels[l].IsNull ? 0 : levels[l].Weight ?? Math.Log2(levels[l].M / levels[l].U);
            }
        }
        var priorWeight = Math.Log2(model.Prior / (1 - model.Prior));
        return (levels, offset) =>
        {
            var weight = priorWeight + offset;
            for (var c = 0; c < levels.Length; c++)
            {
                weight += weights[c][levels[c]];
            }
            return CompiledModel.Probability(weight);
        };
    }

    /// <summary>Six significant digits: enough for any weight, short enough to read in the JSON.</summary>
    private static double Round(double value) => double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
