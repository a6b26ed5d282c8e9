namespace Linkage.Scoring.Training;

/// <summary>The comparisons a model is trained for: their names, level names and null levels, in model order.</summary>
internal sealed record ModelShape(IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<string>> LevelNames, IReadOnlyList<int> NullLevels)
{
    public int Comparisons => Names.Count;

    public static ModelShape Of(CompiledModel model) => new(
        model.Comparisons.Select(c => c.Name).ToArray(),
        model.Comparisons.Select(c => c.LevelNames).ToArray(),
        model.Comparisons.Select(c => c.NullLevel).ToArray());

    /// <summary>A table with one zero per level of every comparison.</summary>
    public double[][] NewTable() => LevelNames.Select(l => new double[l.Count]).ToArray();

    /// <summary>The m (or u) values of <paramref name="model"/> as a table in this shape's order.</summary>
    public double[][] TableOf(MatchModel model, Func<LevelModel, double> value)
    {
        var table = NewTable();
        for (var c = 0; c < Comparisons; c++)
        {
            var comparison = model.Comparisons.Single(x => x.Name == Names[c]);
            for (var level = 0; level < table[c].Length; level++)
            {
                table[c][level] = value(comparison.Levels[level]);
            }
        }
        return table;
    }

    /// <summary>
    /// Turns counts per level into probabilities over the non-null levels, adding
    /// <paramref name="pseudoCount"/> to each so a level never seen is rare but possible. The null level gets 1.
    /// </summary>
    public void NormalizeCounts(double[][] counts, double pseudoCount)
    {
        for (var c = 0; c < Comparisons; c++)
        {
            var row = counts[c];
            var total = 0.0;
            for (var level = 0; level < row.Length; level++)
            {
                if (level != NullLevels[c])
                {
                    row[level] += pseudoCount;
                    total += row[level];
                }
            }
            for (var level = 0; level < row.Length; level++)
            {
                row[level] = level == NullLevels[c] ? 1 : total > 0 ? row[level] / total : 1.0 / (row.Length - 1);
            }
        }
    }
}
