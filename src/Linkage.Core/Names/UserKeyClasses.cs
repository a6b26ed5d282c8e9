using Linkage.Normalization;

namespace Linkage.Names;

/// <summary>
/// Equivalences from a user dictionary (<c>uk, ru, rank</c>) as classes of keys: each row joins the key of its
/// Ukrainian form with the key of its Russian form (union–find), and every key of a class maps to one
/// representative. Names that already met keep meeting; two curated dictionary names are never joined, so a noisy
/// row cannot merge Олександр with Олексій.
/// </summary>
internal sealed class UserKeyClasses
{
    public static readonly UserKeyClasses None = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> _representative;

    private UserKeyClasses(Dictionary<string, string> representative) => _representative = representative;

    /// <summary>The class representative of <paramref name="key"/>, or null when the dictionary does not touch it.</summary>
    public string? Representative(string key) => _representative.GetValueOrDefault(key);

    /// <summary>Builds the classes from <paramref name="path"/>; <paramref name="keyOf"/> gives a name's key without
    /// user data and <paramref name="isCurated"/> tells curated dictionary keys from rule keys.</summary>
    public static UserKeyClasses Load(string path, int maxRank, Func<string, string> keyOf, Func<string, bool> isCurated)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string key)
        {
            while (parent.TryGetValue(key, out var up) && up != key)
            {
                var grandparent = parent.GetValueOrDefault(up, up);
                parent[key] = grandparent;
                key = grandparent;
            }
            return key;
        }

        var rows = NameCsv.ReadFile(path)
            .Where(row => row.Length >= 2)
            .Select(row => (Uk: TextNormalizer.Fold(row[0]), Ru: TextNormalizer.Fold(row[1]), Rank: row.Length > 2 && int.TryParse(row[2], out var r) ? r : 0))
            .Where(row => row.Rank <= maxRank && row.Uk.Length > 0 && row.Ru.Length > 0)
            .OrderBy(row => row.Rank);
        foreach (var (uk, ru, _) in rows)
        {
            var ukRoot = Find(keyOf(uk));
            var ruRoot = Find(keyOf(ru));
            if (ukRoot.Length == 0 || ruRoot.Length == 0 || ukRoot == ruRoot || (isCurated(ukRoot) && isCurated(ruRoot)))
            {
                continue;
            }
            // A curated key represents its class; otherwise the Ukrainian side's key does.
            if (isCurated(ruRoot))
            {
                parent[ukRoot] = ruRoot;
            }
            else
            {
                parent[ruRoot] = ukRoot;
            }
        }
        var representative = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in parent.Keys)
        {
            var root = Find(key);
            if (root != key)
            {
                representative[key] = root;
            }
        }
        return new UserKeyClasses(representative);
    }
}
