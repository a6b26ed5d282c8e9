using Linkage.Normalization;

namespace Linkage.Names;

/// <summary>
/// Equivalences from a user dictionary (<c>uk, ru, rank</c>): a Russian rendering whose own key differs from its
/// Ukrainian source's key is mapped to the Ukrainian key. Lower ranks are applied first and win.
/// </summary>
internal sealed class UserAliases
{
    public static readonly UserAliases None = new();

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skeleton = new(StringComparer.Ordinal);

    public int Count => _exact.Count;

    public string? Exact(string folded) => _exact.GetValueOrDefault(folded);

    public string? BySkeleton(string skeleton) => _skeleton.GetValueOrDefault(skeleton);

    /// <summary>Builds aliases from <paramref name="path"/>; <paramref name="keyOf"/> gives a folded name's key without aliases.</summary>
    public static UserAliases Load(string path, int maxRank, Func<string, string> keyOf)
    {
        var aliases = new UserAliases();
        var rows = NameCsv.ReadFile(path)
            .Where(row => row.Length >= 2)
            .Select(row => (Uk: TextNormalizer.Fold(row[0]), Ru: TextNormalizer.Fold(row[1]), Rank: row.Length > 2 && int.TryParse(row[2], out var r) ? r : 0))
            .Where(row => row.Rank <= maxRank && row.Uk.Length > 0 && row.Ru.Length > 0)
            .OrderBy(row => row.Rank);
        foreach (var (uk, ru, _) in rows)
        {
            var target = keyOf(uk);
            if (target.Length == 0 || keyOf(ru) == target)
            {
                continue;
            }
            aliases._exact.TryAdd(ru, target);
            aliases._skeleton.TryAdd(LetterSkeleton.Of(ru), target);
        }
        return aliases;
    }
}
