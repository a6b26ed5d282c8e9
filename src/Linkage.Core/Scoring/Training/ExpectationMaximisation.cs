namespace Linkage.Scoring.Training;

/// <summary>Settings of one expectation–maximisation run.</summary>
internal sealed record EmSettings
{
    public int MaxIterations { get; init; } = 100;

    /// <summary>The run has converged when no m and not λ moves by more than this in an iteration.</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>
    /// How many pseudo-matches the starting m values count for: each M-step mixes them into the expected counts,
    /// so a level that few true matches reach (a deliberate alteration) keeps a sensible m. 0 is plain EM.
    /// </summary>
    public double PriorMatches { get; init; }
}

/// <summary>What one EM run estimated and whether it settled.</summary>
internal sealed record EmResult(double[][] M, double Lambda, int Iterations, bool Converged)
{
    /// <summary>Expected matches among the pairs the run saw.</summary>
    public double ExpectedMatches { get; init; }
}

/// <summary>
/// Fellegi–Sunter expectation–maximisation over level patterns with u held fixed: the E-step gives each pattern
/// its probability of being a match under the current m, u and λ; the M-step sets m to the match-weighted level
/// frequencies and λ to the mean match probability. Comparisons not marked active (a blocking rule's own fields,
/// which agree on every pair the rule proposes) are left out of the likelihood and keep their starting m.
/// </summary>
internal static class ExpectationMaximisation
{
    /// <summary>The smallest m a level may end with, so every weight stays finite.</summary>
    public const double MinProbability = 1e-6;

    public static EmResult Run(
        LevelPatterns patterns, ModelShape shape, double[][] u, double[][] startM, double startLambda,
        IReadOnlyList<bool> active, EmSettings settings)
    {
        var m = startM.Select(row => (double[])row.Clone()).ToArray();
        var lambda = startLambda;
        var posterior = new double[patterns.Count];
        for (var iteration = 1; iteration <= settings.MaxIterations; iteration++)
        {
            ExpectMatches(patterns, shape, m, u, lambda, active, posterior);
            var (nextM, nextLambda) = Maximise(patterns, shape, startM, active, posterior, settings.PriorMatches);
            var change = Math.Abs(nextLambda - lambda);
            for (var c = 0; c < shape.Comparisons; c++)
            {
                for (var level = 0; level < m[c].Length; level++)
                {
                    change = Math.Max(change, Math.Abs(nextM[c][level] - m[c][level]));
                }
            }
            m = nextM;
            lambda = nextLambda;
            if (change < settings.Tolerance)
            {
                return new EmResult(m, lambda, iteration, Converged: true) { ExpectedMatches = lambda * patterns.TotalCount };
            }
        }
        return new EmResult(m, lambda, settings.MaxIterations, Converged: false) { ExpectedMatches = lambda * patterns.TotalCount };
    }

    /// <summary>Writes each pattern's probability of being a match under m, u and λ.</summary>
    public static void ExpectMatches(
        LevelPatterns patterns, ModelShape shape, double[][] m, double[][] u, double lambda, IReadOnlyList<bool> active, double[] posterior)
    {
        var priorLogOdds = Math.Log(lambda / (1 - lambda));
        for (var p = 0; p < patterns.Count; p++)
        {
            var levels = patterns.Levels(p);
            var logOdds = priorLogOdds;
            for (var c = 0; c < levels.Length; c++)
            {
                var level = levels[c];
                if (active[c] && level != shape.NullLevels[c])
                {
                    logOdds += Math.Log(m[c][level] / u[c][level]);
                }
            }
            posterior[p] = 1 / (1 + Math.Exp(-logOdds));
        }
    }

    private static (double[][] M, double Lambda) Maximise(
        LevelPatterns patterns, ModelShape shape, double[][] startM, IReadOnlyList<bool> active, double[] posterior, double priorMatches)
    {
        var counts = shape.NewTable();
        var matches = 0.0;
        for (var p = 0; p < patterns.Count; p++)
        {
            var weight = posterior[p] * patterns.CountOf(p);
            matches += weight;
            var levels = patterns.Levels(p);
            for (var c = 0; c < levels.Length; c++)
            {
                counts[c][levels[c]] += weight;
            }
        }
        var m = shape.NewTable();
        for (var c = 0; c < shape.Comparisons; c++)
        {
            if (!active[c])
            {
                startM[c].CopyTo(m[c], 0);
                continue;
            }
            var nonNull = 0.0;
            for (var level = 0; level < counts[c].Length; level++)
            {
                if (level != shape.NullLevels[c])
                {
                    counts[c][level] += priorMatches * startM[c][level];
                    nonNull += counts[c][level];
                }
            }
            for (var level = 0; level < counts[c].Length; level++)
            {
                m[c][level] = level == shape.NullLevels[c] ? 1
                    : nonNull > 0 ? Math.Max(MinProbability, counts[c][level] / nonNull)
                    : startM[c][level];
            }
        }
        var lambda = Math.Clamp(matches / patterns.TotalCount, 1e-12, 1 - 1e-12);
        return (m, lambda);
    }
}
