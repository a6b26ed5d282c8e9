using Linkage.Comparison.Similarity;
using System.Globalization;
using System.Text;
using Linkage.Normalization;

namespace Linkage.Places;

/// <summary>
/// Resolves birthplace text to settlements, raions and oblasts, under any name or era and in Ukrainian,
/// Russian or Latin script, tolerating typos and prefixes ("г.", "смт", "с."). Recognises the labels the
/// Russian administration gives occupied regions (ДНР, Республика Крым) and places inside Russia.
/// Resolve once per record and compare the <see cref="PlaceRef"/>s with <see cref="PlaceComparison"/>.
/// Thread-safe after construction.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> DefaultInstance = new(() => GazetteerLoader.LoadEmbedded(null));

    private readonly Settlement[] _settlements;
    private readonly Dictionary<int, Region> _regions;
    private readonly Dictionary<string, NameHit[]> _names;
    private readonly Dictionary<int, string[]> _keysByLength;
    private readonly Dictionary<string, RegionHit> _regionStems;
    private readonly Dictionary<string, RegionHit> _labels;
    private readonly Dictionary<string, int[]> _raionStems;

    internal Gazetteer(
        Settlement[] settlements,
        Dictionary<int, Region> regions,
        Dictionary<string, NameHit[]> names,
        Dictionary<int, string[]> keysByLength,
        Dictionary<string, RegionHit> regionStems,
        Dictionary<string, RegionHit> labels,
        Dictionary<string, int[]> raionStems)
    {
        _settlements = settlements;
        _regions = regions;
        _names = names;
        _keysByLength = keysByLength;
        _regionStems = regionStems;
        _labels = labels;
        _raionStems = raionStems;
    }

    /// <summary>The gazetteer authored in the project (Data/Places): the seven focus regions, oblast centres, Russia.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>
    /// The authored gazetteer plus every settlement of OCHA's Ukrainian administrative boundaries
    /// (ocha_activityinfo_ukr_admin2.csv and ocha_activityinfo_ukr_admin4.csv in <paramref name="ochaFolder"/>).
    /// </summary>
    public static Gazetteer LoadWithOcha(string ochaFolder) => GazetteerLoader.LoadEmbedded(ochaFolder);

    /// <summary>Settlements known, Ukrainian and Russian.</summary>
    public int SettlementCount => _settlements.Length;

    /// <summary>
    /// Resolves a birthplace and the region a source gives beside it (either may be blank). The region only
    /// narrows an ambiguous name and stands in when the place is blank, unknown or only a region itself.
    /// </summary>
    public PlaceRef Resolve(string? place, string? region)
    {
        var placeSegments = PlaceKey.Segments(place).ToList();
        var regionSegments = PlaceKey.Segments(region).ToList();
        if (placeSegments.Count == 0 && regionSegments.Count == 0)
        {
            return PlaceRef.Missing;
        }
        var regionHit = FindRegion(placeSegments, regionSegments);
        var raionId = FindRaion(placeSegments.Concat(regionSegments), regionHit?.Id ?? 0);
        var hintOblast = regionHit?.Id ?? raionId / 100;

        var settlement = FindSettlementExactly(placeSegments, hintOblast);
        if (settlement < 0 && regionHit is null && raionId == 0)
        {
            // The place text may itself be only a region ("ДНР", "Крым"), and the region field may name a city:
            // the birthplace when the place is blank, else only where to look.
            regionHit = FindRegionIn(placeSegments, PlaceKey.SegmentKind.Settlement);
            var cityInRegion = regionHit is null ? FindSettlementExactly(regionSegments, 0) : -1;
            if (cityInRegion >= 0 && placeSegments.Count == 0)
            {
                settlement = cityInRegion;
            }
            else if (cityInRegion >= 0)
            {
                regionHit = new RegionHit(_settlements[cityInRegion].OblastId, IsLabel: false);
            }
            hintOblast = regionHit?.Id ?? 0;
        }
        var approximate = settlement < 0;
        if (approximate)
        {
            settlement = FindSettlementFuzzily(placeSegments, hintOblast);
        }
        if (settlement >= 0)
        {
            var found = _settlements[settlement];
            var traits = (found.InRussia ? PlaceTraits.InRussia : PlaceTraits.None) | (approximate ? PlaceTraits.Approximate : PlaceTraits.None);
            return new PlaceRef(settlement + 1, found.RaionId, found.OblastId, traits);
        }
        var flags = regionHit is { IsLabel: true } ? PlaceTraits.OccupationLabel : PlaceTraits.None;
        flags |= regionHit is { InRussia: true } ? PlaceTraits.InRussia : PlaceTraits.None;
        var unresolvedName = placeSegments.FirstOrDefault(segment =>
            segment.Kind == PlaceKey.SegmentKind.Settlement && segment.Name.Length > 0 && !NamesARegion(segment));
        var oblastId = regionHit?.Id ?? raionId / 100;
        if (unresolvedName is null && (oblastId != 0 || raionId != 0))
        {
            return new PlaceRef(0, raionId, oblastId, flags);
        }
        var text = unresolvedName ?? placeSegments.Concat(regionSegments).First();
        var key = Key(text.Name.Length > 0 ? text.Name : text.Folded);
        return new PlaceRef(0, raionId, oblastId, flags | PlaceTraits.Unresolved)
        {
            NameKey = key.Length == 0 ? 0 : PlaceKey.StableHash(key),
        };
    }

    /// <summary>Display text for explanations: the settlement's names in each language and era, raion, oblast.</summary>
    public string Describe(PlaceRef place)
    {
        if (place.IsMissing)
        {
            return "missing";
        }
        var text = new StringBuilder();
        if (place.SettlementId > 0 && place.SettlementId <= _settlements.Length)
        {
            var settlement = _settlements[place.SettlementId - 1];
            var names = new[] { settlement.Ukrainian, settlement.Russian, settlement.Latin }
                .Where(name => name.Length > 0).Distinct(StringComparer.Ordinal);
            text.Append(string.Join(" / ", names));
            if (settlement.FormerNames.Count > 0)
            {
                text.Append(" (formerly ").Append(string.Join(", ", settlement.FormerNames)).Append(')');
            }
        }
        else if (place.IsUnresolved)
        {
            text.Append("unknown place");
        }
        if (place.RaionId != 0 && _regions.TryGetValue(place.RaionId, out var raion))
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(raion.Ukrainian).Append(" район");
        }
        if (place.OblastId != 0 && _regions.TryGetValue(place.OblastId, out var oblast))
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(oblast.Ukrainian.Length > 0 ? oblast.Ukrainian : oblast.Russian);
        }
        if (place.IsOccupationLabel)
        {
            text.Append(" [named only by an occupation label]");
        }
        if (place.IsInRussia)
        {
            text.Append(" [Russia]");
        }
        return text.ToString();
    }

    private static string Key(string name) => PlaceKey.Skeleton(name);

    /// <summary>An occupation label anywhere, else a region-worded part of the place, else of the region text.</summary>
    private RegionHit? FindRegion(List<PlaceKey.Segment> placeSegments, List<PlaceKey.Segment> regionSegments)
    {
        foreach (var segment in placeSegments.Concat(regionSegments))
        {
            if (_labels.TryGetValue(PlaceKey.LabelStem(segment.Folded), out var label))
            {
                return label;
            }
        }
        return FindRegionIn(placeSegments, PlaceKey.SegmentKind.Region)
            ?? FindRegionIn(regionSegments, PlaceKey.SegmentKind.Region)
            ?? FindRegionIn(regionSegments, PlaceKey.SegmentKind.Settlement);
    }

    private bool NamesARegion(PlaceKey.Segment segment) =>
        _labels.ContainsKey(PlaceKey.LabelStem(segment.Folded)) || _regionStems.ContainsKey(PlaceKey.RegionStem(segment.Name));

    private RegionHit? FindRegionIn(List<PlaceKey.Segment> segments, PlaceKey.SegmentKind kind)
    {
        foreach (var segment in segments)
        {
            if (segment.Kind == kind && segment.Name.Length > 0 && _regionStems.TryGetValue(PlaceKey.RegionStem(segment.Name), out var hit))
            {
                return hit;
            }
        }
        return null;
    }

    private int FindRaion(IEnumerable<PlaceKey.Segment> segments, int oblastHint)
    {
        foreach (var segment in segments)
        {
            if (segment.Kind == PlaceKey.SegmentKind.Raion && _raionStems.TryGetValue(PlaceKey.RegionStem(segment.Name), out var raions))
            {
                return oblastHint == 0 ? raions[0] : raions.FirstOrDefault(id => id / 100 == oblastHint, raions[0]);
            }
        }
        return 0;
    }

    /// <summary>
    /// Exact key of a whole settlement-worded part; then, inside region-worded parts without separators
    /// ("Мариуполь Донецкой области"), the exact key of any run of words, longest first.
    /// </summary>
    private int FindSettlementExactly(List<PlaceKey.Segment> segments, int oblastHint)
    {
        foreach (var segment in segments)
        {
            if (segment.Kind != PlaceKey.SegmentKind.Settlement)
            {
                continue;
            }
            foreach (var name in PlaceKey.NameCandidates(segment))
            {
                if (TryName(Key(name), oblastHint, out var index))
                {
                    return index;
                }
            }
        }
        foreach (var segment in segments)
        {
            if (segment.Kind != PlaceKey.SegmentKind.Region)
            {
                continue;
            }
            var words = segment.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var length = words.Length - 1; length >= 1; length--)
            {
                for (var start = 0; start + length <= words.Length; start++)
                {
                    if (TryName(Key(string.Join(' ', words, start, length)), oblastHint, out var index))
                    {
                        return index;
                    }
                }
            }
        }
        return -1;
    }

    private bool TryName(string key, int oblastHint, out int index)
    {
        index = -1;
        if (key.Length == 0 || !_names.TryGetValue(key, out var hits))
        {
            return false;
        }
        index = Choose(hits, oblastHint);
        return true;
    }

    private int Choose(NameHit[] hits, int oblastHint)
    {
        if (oblastHint != 0)
        {
            foreach (var hit in hits)
            {
                if (_settlements[hit.Index].OblastId == oblastHint)
                {
                    return hit.Index;
                }
            }
        }
        return hits[0].Index;
    }

    /// <summary>
    /// The nearest name within one edit (keys of 7–10 letters) or two (longer), on the script-neutral key,
    /// keeping the first letter and the ending: a wrong first letter or a different ending (Калинівка and
    /// Малинівка, Лозове and Лозова, Українське and Українськ) is another place, not a typo. Shorter names are
    /// never guessed. Ties go to a place in the hinted oblast, then to the larger place.
    /// </summary>
    private int FindSettlementFuzzily(List<PlaceKey.Segment> segments, int oblastHint)
    {
        foreach (var segment in segments)
        {
            var key = segment.Kind == PlaceKey.SegmentKind.Settlement ? Key(segment.Name) : string.Empty;
            var maxDistance = key.Length switch { < 7 => 0, <= 10 => 1, <= 40 => 2, _ => 0 };
            if (maxDistance == 0)
            {
                continue;
            }
            var bestDistance = maxDistance + 1;
            var bestIndex = -1;
            var scorer = new CachedOsa(key);
            var bestInHint = false;
            for (var length = key.Length - maxDistance; length <= key.Length + maxDistance; length++)
            {
                if (!_keysByLength.TryGetValue(length, out var candidates))
                {
                    continue;
                }
                foreach (var candidate in candidates)
                {
                    if (candidate[0] != key[0] || !SameEnding(candidate, key))
                    {
                        continue;
                    }
                    var distance = scorer.Distance(candidate, Math.Min(maxDistance, bestDistance));
                    if (distance > maxDistance)
                    {
                        continue;
                    }
                    var index = Choose(_names[candidate], oblastHint);
                    var inHint = oblastHint != 0 && _settlements[index].OblastId == oblastHint;
                    var better = distance < bestDistance
                        || (distance == bestDistance && inHint && !bestInHint)
                        || (distance == bestDistance && inHint == bestInHint && Outranks(index, bestIndex));
                    if (better)
                    {
                        (bestDistance, bestIndex, bestInHint) = (distance, index, inHint);
                    }
                }
            }
            if (bestIndex >= 0)
            {
                return bestIndex;
            }
        }
        return -1;
    }

    /// <summary>Keys that end alike: the same last letter, or two different consonants (a slip, not an ending).</summary>
    private static bool SameEnding(string a, string b)
    {
        var last = a[^1];
        var other = b[^1];
        return last == other || (!IsVowel(last) && !IsVowel(other));
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private bool Outranks(int index, int other) =>
        other < 0 || _settlements[index].Kind < _settlements[other].Kind
        || (_settlements[index].Kind == _settlements[other].Kind && index < other);

    internal IReadOnlyList<Settlement> Settlements => _settlements;

    internal Settlement SettlementOf(PlaceRef place) => _settlements[place.SettlementId - 1];

    internal string RegionName(int id) =>
        _regions.TryGetValue(id, out var region) ? (region.Ukrainian.Length > 0 ? region.Ukrainian : region.Russian) : id.ToString(CultureInfo.InvariantCulture);
}
