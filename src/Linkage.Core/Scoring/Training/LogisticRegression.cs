using MathNet.Numerics.LinearAlgebra;

namespace Linkage.Scoring.Training;

/// <summary>
/// A logistic regression over the level vector: one indicator per non-null level of each comparison (the null
/// level is the reference category, so missing weighs 0), an intercept, and an L2 penalty on everything but the
/// intercept. Because the features are one-hot per comparison the fitted log-odds is a sum of per-level
/// weights, exactly the shape of a Fellegi–Sunter model, so it ships in the same model JSON. Each pattern's
/// offset (its term-frequency adjustments, which scoring adds on top of the level weights) enters the log-odds
/// as a fixed term, so the coefficients learn only what the adjustments leave out and do not count it twice.
/// </summary>
internal sealed record LogisticModel(double Intercept, double[][] Coefficients, int Iterations, bool Converged)
{
    /// <summary>Natural-log odds of a match for a level vector.</summary>
    public double LogOdds(ReadOnlySpan<byte> levels)
    {
        var logOdds = Intercept;
        for (var c = 0; c < levels.Length; c++)
        {
            logOdds += Coefficients[c][levels[c]];
        }
        return logOdds;
    }
}

internal static class LogisticRegression
{
    /// <summary>Refits after pinning the coefficients that broke their sign at most this often.</summary>
    private const int MaxSignRounds = 10;

    /// <summary>
    /// Fits, then, where <paramref name="signs"/> gives a level's direction (+1: evidence for a match, −1:
    /// against, 0: free), pins every coefficient of the wrong sign at 0 and refits, until none is wrong. Blocking
    /// selects the pairs a regression learns from: a rule keyed on sex never proposes a pair whose sex is
    /// missing, so among candidates a missing sex goes with fewer non-matches and "sex agrees" would otherwise
    /// fit below "missing" (about −0.5 bits), though agreeing is evidence for a match among random pairs.
    /// </summary>
    public static LogisticModel Fit(LevelPatterns patterns, ModelShape shape, double l2, int[][]? signs)
    {
        var pinned = shape.NewTable().Select(row => new bool[row.Length]).ToArray();
        for (var round = 1; ; round++)
        {
            var fit = Fit(patterns, shape, l2, pinned);
            var wrong = false;
            for (var c = 0; signs is not null && c < shape.Comparisons; c++)
            {
                for (var level = 0; level < signs[c].Length; level++)
                {
                    if (signs[c][level] * fit.Coefficients[c][level] < 0)
                    {
                        pinned[c][level] = wrong = true;
                    }
                }
            }
            if (!wrong || round == MaxSignRounds)
            {
                return fit;
            }
        }
    }

    /// <summary>
    /// Fits by Newton's method (iteratively reweighted least squares) on the patterns' match counts; the
    /// penalised log-likelihood is concave, so Newton converges in a handful of steps. Levels marked in
    /// <paramref name="pinned"/> keep coefficient 0, as the null level does.
    /// </summary>
    public static LogisticModel Fit(
        LevelPatterns patterns, ModelShape shape, double l2, bool[][]? pinned = null, int maxIterations = 50, double tolerance = 1e-8)
    {
        // Column 0 is the intercept; then each comparison's non-null levels in order.
        var column = new int[shape.Comparisons][];
        var width = 1;
        for (var c = 0; c < shape.Comparisons; c++)
        {
            column[c] = new int[shape.LevelNames[c].Count];
            for (var level = 0; level < column[c].Length; level++)
            {
                column[c][level] = level == shape.NullLevels[c] || pinned?[c][level] == true ? -1 : width++;
            }
        }

        var beta = Vector<double>.Build.Dense(width);
        var active = new int[shape.Comparisons + 1];
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations && !converged)
        {
            iterations++;
            var gradient = Vector<double>.Build.Dense(width);
            var hessian = Matrix<double>.Build.Dense(width, width);
            for (var p = 0; p < patterns.Count; p++)
            {
                var count = Columns(patterns.Levels(p), column, active);
                var eta = patterns.OffsetOf(p) * Math.Log(2);
                for (var i = 0; i < count; i++)
                {
                    eta += beta[active[i]];
                }
                var probability = 1 / (1 + Math.Exp(-eta));
                var residual = patterns.MatchesOf(p) - patterns.CountOf(p) * probability;
                var curvature = patterns.CountOf(p) * probability * (1 - probability);
                for (var i = 0; i < count; i++)
                {
                    gradient[active[i]] += residual;
                    for (var j = 0; j < count; j++)
                    {
                        hessian[active[i], active[j]] += curvature;
                    }
                }
            }
            for (var k = 1; k < width; k++)
            {
                gradient[k] -= l2 * beta[k];
                hessian[k, k] += l2;
            }
            // A tiny ridge on the intercept keeps the system solvable when every label is the same.
            hessian[0, 0] += 1e-9;
            var step = hessian.Cholesky().Solve(gradient);
            beta += step;
            converged = step.AbsoluteMaximum() < tolerance;
        }

        var coefficients = shape.NewTable();
        for (var c = 0; c < shape.Comparisons; c++)
        {
            for (var level = 0; level < column[c].Length; level++)
            {
                coefficients[c][level] = column[c][level] < 0 ? 0 : beta[column[c][level]];
            }
        }
        return new LogisticModel(beta[0], coefficients, iterations, converged);
    }

    private static int Columns(ReadOnlySpan<byte> levels, int[][] column, int[] active)
    {
        var count = 0;
        active[count++] = 0;
        for (var c = 0; c < levels.Length; c++)
        {
            var index = column[c][levels[c]];
            if (index >= 0)
            {
                active[count++] = index;
            }
        }
        return count;
    }
}
