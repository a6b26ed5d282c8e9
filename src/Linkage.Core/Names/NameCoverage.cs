using Linkage.Normalization;
using Linkage.Records;

namespace Linkage.Names;

/// <summary>What fraction of a shared uk→ru dictionary's rank-0 pairs one <see cref="NameKnowledge"/> puts under one key.</summary>
public sealed record NameCoverageReport
{
    /// <summary>Rank-0 pairs evaluated.</summary>
    public required int Pairs { get; init; }

    /// <summary>Pairs whose Ukrainian and Russian forms reach the same canonical key.</summary>
    public required int SameKey { get; init; }

    /// <summary>Pairs whose forms differ after folding (Микола→Николай, not Роман→Роман).</summary>
    public required int Differing { get; init; }

    public required int DifferingSameKey { get; init; }

    /// <summary>Pairs whose Ukrainian form the curated dictionary (or a user dictionary) knows.</summary>
    public required int Known { get; init; }

    public required int KnownSameKey { get; init; }

    public double SameKeyRate => Rate(SameKey, Pairs);
    public double DifferingSameKeyRate => Rate(DifferingSameKey, Differing);
    public double KnownRate => Rate(Known, Pairs);
    public double KnownSameKeyRate => Rate(KnownSameKey, Known);

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>
/// Evaluation harness against a shared names dictionary (CSV <c>uk, ru, rank</c>, such as names-translator).
/// It reads the file by path at evaluation time; nothing from it is embedded in Linkage.
/// </summary>
public static class NameCoverage
{
    /// <summary>Measures rank-0 pairs; with <paramref name="holdoutOnly"/> only the half of Ukrainian names that
    /// <see cref="WriteTrainingHalf"/> leaves out, so a dictionary loaded from that half is tested on unseen names.</summary>
    public static NameCoverageReport Measure(NameKnowledge knowledge, string sharedDictionaryCsvPath, NameKind kind, bool holdoutOnly = false)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        int pairs = 0, sameKey = 0, differing = 0, differingSameKey = 0, known = 0, knownSameKey = 0;
        foreach (var (uk, ru) in RankZeroPairs(sharedDictionaryCsvPath))
        {
            if (holdoutOnly && IsTrainingHalf(uk))
            {
                continue;
            }
            var ukForms = knowledge.Analyse(uk, kind, Sex.Unknown);
            var ruForms = knowledge.Analyse(ru, kind, Sex.Unknown);
            var same = ukForms.CanonicalKey.Length > 0 && ukForms.CanonicalKey == ruForms.CanonicalKey;
            pairs++;
            sameKey += same ? 1 : 0;
            if (TextNormalizer.Fold(uk) != TextNormalizer.Fold(ru))
            {
                differing++;
                differingSameKey += same ? 1 : 0;
            }
            if (ukForms.KeySource.Contains("dictionary", StringComparison.Ordinal))
            {
                known++;
                knownSameKey += same ? 1 : 0;
            }
        }
        return new NameCoverageReport
        {
            Pairs = pairs,
            SameKey = sameKey,
            Differing = differing,
            DifferingSameKey = differingSameKey,
            Known = known,
            KnownSameKey = knownSameKey,
        };
    }

    /// <summary>Copies the rows of the training half (every rank) to <paramref name="outputPath"/>, for a holdout run.</summary>
    public static void WriteTrainingHalf(string sharedDictionaryCsvPath, string outputPath)
    {
        using var writer = new StreamWriter(outputPath);
        writer.WriteLine("uk,ru,rank");
        foreach (var row in NameCsv.ReadFile(sharedDictionaryCsvPath).Where(r => r.Length >= 3 && IsTrainingHalf(r[0])))
        {
            writer.WriteLine(string.Join(',', row[0], row[1], row[2]));
        }
    }

    private static IEnumerable<(string Uk, string Ru)> RankZeroPairs(string path) =>
        NameCsv.ReadFile(path)
            .Where(row => row.Length >= 3 && row[2].Trim() == "0")
            .Select(row => (row[0], row[1]));

    // A stable split by the Ukrainian key (string.GetHashCode is randomised per process).
    private static bool IsTrainingHalf(string uk)
    {
        var hash = 17u;
        foreach (var c in TextNormalizer.Fold(uk))
        {
            hash = unchecked(hash * 31 + c);
        }
        return hash % 2 == 0;
    }
}
