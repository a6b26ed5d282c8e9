using Linkage.Scoring.Training;

namespace Linkage.Tests.Scoring;

/// <summary>
/// Level vectors drawn from a Fellegi–Sunter model with known m, u and λ, and some values missing at random,
/// so training can be checked against the parameters that produced the data.
/// </summary>
internal static class KnownParameters
{
    // Three comparisons; the last level of each is the null level.
    public static readonly ModelShape Shape = new(
        ["given_name", "birth_date", "sex"],
        [["exact", "fuzzy", "disagree", "missing"], ["exact", "month", "year", "disagree", "missing"], ["agree", "disagree", "missing"]],
        [3, 4, 2]);

    public static readonly double[][] M = [[0.7, 0.2, 0.1, 1], [0.6, 0.2, 0.15, 0.05, 1], [0.95, 0.05, 1]];

    public static readonly double[][] U = [[0.02, 0.08, 0.9, 1], [0.005, 0.05, 0.2, 0.745, 1], [0.5, 0.5, 1]];

    public static readonly double[] MissingRate = [0.05, 0.1, 0.02];

    /// <summary><paramref name="count"/> pairs, a share <paramref name="lambda"/> of them matches, labels recorded.</summary>
    public static LevelPatterns Generate(int count, double lambda, int seed)
    {
        var random = new Random(seed);
        var patterns = new LevelPatterns(Shape.Comparisons);
        var levels = new byte[Shape.Comparisons];
        for (var i = 0; i < count; i++)
        {
            var isMatch = random.NextDouble() < lambda;
            var table = isMatch ? M : U;
            for (var c = 0; c < Shape.Comparisons; c++)
            {
                levels[c] = random.NextDouble() < MissingRate[c] ? (byte)Shape.NullLevels[c] : Draw(table[c], Shape.NullLevels[c], random);
            }
            patterns.Add(levels, 1, isMatch ? 1 : 0);
        }
        return patterns;
    }

    private static byte Draw(double[] probabilities, int nullLevel, Random random)
    {
        var x = random.NextDouble();
        for (var level = 0; level < nullLevel; level++)
        {
            x -= probabilities[level];
            if (x < 0)
            {
                return (byte)level;
            }
        }
        return (byte)(nullLevel - 1);
    }
}
