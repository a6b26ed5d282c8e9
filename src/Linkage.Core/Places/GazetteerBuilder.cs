using Linkage.Normalization;

namespace Linkage.Places;

/// <summary>Collects places and builds the lookup indexes a <see cref="Gazetteer"/> resolves against.</summary>
internal sealed class GazetteerBuilder
{
    private readonly List<Settlement> _settlements = [];
    private readonly Dictionary<int, Region> _regions = [];
    private readonly Dictionary<string, List<NameHit>> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionHit> _regionStems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionHit> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _raionStems = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Oblast, int Raion, string Name), int> _authored = [];

    public void AddOblast(Region oblast, IReadOnlyList<string> aliases, IReadOnlyList<string> occupationLabels)
    {
        _regions[oblast.Id] = oblast;
        var hit = new RegionHit(oblast.Id, IsLabel: false);
        foreach (var name in aliases.Prepend(oblast.Latin).Prepend(oblast.Russian).Prepend(oblast.Ukrainian))
        {
            _regionStems.TryAdd(PlaceKey.RegionStem(WithoutRegionWords(name)), hit);
        }
        foreach (var label in occupationLabels)
        {
            _labels[PlaceKey.LabelStem(TextNormalizer.Fold(label))] = hit with { IsLabel = true };
        }
    }

    public void AddRussianRegion(Region region, IReadOnlyList<string> aliases)
    {
        _regions[region.Id] = region;
        foreach (var name in aliases.Prepend(region.Russian))
        {
            _regionStems.TryAdd(PlaceKey.RegionStem(WithoutRegionWords(name)), new RegionHit(region.Id, IsLabel: false));
        }
    }

    public void AddRaion(Region raion, IReadOnlyList<string> formerNames)
    {
        _regions[raion.Id] = raion;
        foreach (var name in formerNames.Prepend(raion.Russian).Prepend(raion.Ukrainian))
        {
            AddTo(_raionStems, PlaceKey.RegionStem(TextNormalizer.Fold(name)), raion.Id);
        }
    }

    public void AddRaionIfAbsent(Region raion)
    {
        if (!_regions.ContainsKey(raion.Id))
        {
            AddRaion(raion, [raion.Latin]);
        }
    }

    public void AddSettlement(Settlement settlement)
    {
        var index = _settlements.Count;
        _settlements.Add(settlement);
        if (!settlement.InRussia && settlement.Kind != SettlementKind.Village)
        {
            _authored.TryAdd((settlement.OblastId, settlement.RaionId, TextNormalizer.Fold(settlement.Ukrainian)), index);
        }
        foreach (var name in new[] { settlement.Ukrainian, settlement.Russian }.Concat(settlement.LatinAliases))
        {
            AddName(name, index, former: false);
        }
        foreach (var name in settlement.FormerNames)
        {
            AddName(name, index, former: true);
        }
        if (settlement.Russian.Length == 0 && !settlement.InRussia)
        {
            foreach (var key in RussianForms.KeysOf(PlaceKey.Skeleton(TextNormalizer.Fold(settlement.Ukrainian))))
            {
                AddTo(_names, key, new NameHit(index, Former: true));
            }
        }
    }

    /// <summary>
    /// An OCHA settlement: new unless authored already (same oblast, raion — or raion not recorded — and
    /// Ukrainian name), in which case only its English name is added.
    /// </summary>
    public void AddOchaSettlement(int oblastId, int raionId, string ukrainian, string english)
    {
        var name = TextNormalizer.Fold(ukrainian);
        if (_authored.TryGetValue((oblastId, raionId, name), out var existing) || _authored.TryGetValue((oblastId, 0, name), out existing))
        {
            AddName(english, existing, former: false);
            return;
        }
        AddSettlement(new Settlement(oblastId, raionId, SettlementKind.Village, ukrainian, string.Empty, [], [english], false));
    }

    public Gazetteer Build()
    {
        var names = new Dictionary<string, NameHit[]>(_names.Count, StringComparer.Ordinal);
        foreach (var (key, hits) in _names)
        {
            names[key] = [.. hits.Distinct().OrderBy(hit => Priority(hit))];
        }
        var byLength = names.Keys.GroupBy(key => key.Length).ToDictionary(group => group.Key, group => group.ToArray());
        var raions = _raionStems.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        return new Gazetteer(_settlements.ToArray(), _regions, names, byLength, _regionStems, _labels, raions);
    }

    /// <summary>Larger places first, current names before former ones, Ukraine before Russia, then file order.</summary>
    private (SettlementKind, bool, bool, int) Priority(NameHit hit) =>
        (_settlements[hit.Index].Kind, hit.Former, _settlements[hit.Index].InRussia, hit.Index);

    private void AddName(string name, int index, bool former)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }
        var key = PlaceKey.Skeleton(TextNormalizer.Fold(name));
        if (key.Length > 0)
        {
            AddTo(_names, key, new NameHit(index, former));
        }
    }

    private static string WithoutRegionWords(string name)
    {
        var segment = PlaceKey.Segments(name).FirstOrDefault();
        return segment?.Name ?? string.Empty;
    }

    private static void AddTo<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(value);
    }
}

/// <summary>A settlement a key names, and whether by a secondary name (a former name or a predicted Russian form).</summary>
internal readonly record struct NameHit(int Index, bool Former);

/// <summary>A region a key names (oblast id, or 1000 + Russian subject code), and whether as an occupation label.</summary>
internal readonly record struct RegionHit(int Id, bool IsLabel)
{
    public bool InRussia => Id > GazetteerLoader.RussiaOffset;
}
