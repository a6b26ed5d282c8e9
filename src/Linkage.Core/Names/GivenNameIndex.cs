using Linkage.Names.Transliteration;
using Linkage.Normalization;
using Linkage.Records;

namespace Linkage.Names;

/// <summary>Hash tables over the given-name dictionary: exact forms, Latin transliterations, skeletons, diminutives.</summary>
internal sealed class GivenNameIndex
{
    private readonly Dictionary<string, List<GivenNameEntry>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(GivenNameEntry Entry, string Source)>> _latin = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GivenNameEntry>> _skeleton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GivenNameEntry>> _shortExact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GivenNameEntry>> _shortSkeleton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GivenNameEntry> _byId = new(StringComparer.Ordinal);

    public GivenNameIndex(IReadOnlyList<GivenNameEntry> entries, IReadOnlyList<TransliterationScheme> schemes)
    {
        Entries = entries;
        foreach (var entry in entries)
        {
            if (!_byId.TryAdd(entry.Id, entry))
            {
                throw new InvalidOperationException($"Given-name id '{entry.Id}' appears twice.");
            }
            foreach (var form in entry.Ukrainian.Concat(entry.Russian))
            {
                AddFull(TextNormalizer.Fold(form), entry);
            }
            foreach (var latin in entry.Latin)
            {
                var folded = TextNormalizer.Fold(latin);
                Add(_latin, folded, (entry, "known Latin spelling"));
                Add(_skeleton, LetterSkeleton.Of(folded), entry);
            }
            foreach (var scheme in schemes)
            {
                foreach (var form in scheme.IsUkrainian ? entry.Ukrainian : entry.Russian)
                {
                    Add(_latin, TextNormalizer.Fold(scheme.Transliterate(form)), (entry, scheme.Name));
                }
            }
            foreach (var form in entry.UkrainianShort.Concat(entry.RussianShort))
            {
                var folded = TextNormalizer.Fold(form);
                Add(_shortExact, folded, entry);
                Add(_shortSkeleton, LetterSkeleton.Of(folded), entry);
            }
        }
    }

    public IReadOnlyList<GivenNameEntry> Entries { get; }

    public GivenNameEntry? ById(string id) => _byId.GetValueOrDefault(id);

    public GivenNameEntry? Exact(string folded, Sex sex) => Pick(_exact.GetValueOrDefault(folded), sex);

    public (GivenNameEntry Entry, string Source)? Latin(string folded, Sex sex)
    {
        if (!_latin.TryGetValue(folded, out var hits))
        {
            return null;
        }
        var chosen = Pick(hits.Select(h => h.Entry).ToList(), sex)!;
        return hits.First(h => h.Entry == chosen);
    }

    public GivenNameEntry? BySkeleton(string skeleton, Sex sex) => Pick(_skeleton.GetValueOrDefault(skeleton), sex);

    public bool IsKnownDiminutive(string folded, string skeleton) =>
        _shortExact.ContainsKey(folded) || _shortSkeleton.ContainsKey(skeleton);

    /// <summary>Full names <paramref name="folded"/> is a diminutive of; of the given sex when the sex is known and fits.</summary>
    public IReadOnlyList<string> DiminutiveOf(string folded, string skeleton, Sex sex)
    {
        var hits = _shortExact.GetValueOrDefault(folded) ?? _shortSkeleton.GetValueOrDefault(skeleton);
        if (hits is null)
        {
            return [];
        }
        var ofSex = hits.Where(e => e.Sex == sex).ToList();
        return (ofSex.Count > 0 ? ofSex : hits).Select(e => e.Id).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Pairs of different entries that one skeleton reaches, for data checks.</summary>
    public IEnumerable<(string Skeleton, string[] Ids)> SkeletonCollisions() =>
        _skeleton.Where(kv => kv.Value.Select(e => e.Id).Distinct().Count() > 1)
            .Select(kv => (kv.Key, kv.Value.Select(e => e.Id).Distinct().ToArray()));

    private void AddFull(string folded, GivenNameEntry entry)
    {
        Add(_exact, folded, entry);
        Add(_skeleton, LetterSkeleton.Of(folded), entry);
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (key.Length == 0)
        {
            return;
        }
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    /// <summary>The entry of the record's sex when there is one, otherwise the first in file order.</summary>
    private static GivenNameEntry? Pick(List<GivenNameEntry>? candidates, Sex sex)
    {
        if (candidates is null || candidates.Count == 0)
        {
            return null;
        }
        if (sex != Sex.Unknown)
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Sex == sex)
                {
                    return candidate;
                }
            }
        }
        return candidates[0];
    }
}
