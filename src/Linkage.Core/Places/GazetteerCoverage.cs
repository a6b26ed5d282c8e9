using Linkage.Normalization;

namespace Linkage.Places;

/// <summary>One oblast's line in a coverage report.</summary>
public sealed record OblastCoverage(
    int OblastId,
    string Oblast,
    int AuthoredCities,
    int AuthoredUrbanSettlements,
    int AuthoredFoundInOcha,
    int AuthoredRaionAgrees,
    int OchaSettlements,
    int OchaNamedInGazetteer,
    int OchaSnappedToAnotherName,
    IReadOnlyList<string> AuthoredNotInOcha);

/// <summary>
/// Measures the authored gazetteer against OCHA's settlement list (read by path, never embedded): how many
/// authored places OCHA confirms under the same oblast and name, whether their raion agrees, how many of
/// OCHA's settlements (mostly villages) the embedded gazetteer names, and how many others its typo tolerance
/// snaps to a differently named place (the cost of resolving without the full list).
/// </summary>
public static class GazetteerCoverage
{
    /// <summary>The seven regions the embedded gazetteer aims to cover completely (cities and urban settlements).</summary>
    public static IReadOnlyList<int> FocusOblasts { get; } = [14, 44, 23, 65, 63, 48, 1, 85];

    public static IReadOnlyList<OblastCoverage> Measure(string ochaFolder)
    {
        var gazetteer = Gazetteer.Default;
        var ocha = GazetteerLoader.ReadOchaSettlements(ochaFolder).ToList();
        var ochaRaions = ocha
            .GroupBy(place => (place.OblastId, Name: TextNormalizer.Fold(place.Ukrainian)))
            .ToDictionary(group => group.Key, group => group.Select(place => place.RaionId).ToHashSet());
        var report = new List<OblastCoverage>();
        foreach (var oblast in FocusOblasts)
        {
            var authored = gazetteer.Settlements.Where(place => place.OblastId == oblast && !place.InRussia).ToList();
            var found = 0;
            var raionAgrees = 0;
            var notInOcha = new List<string>();
            foreach (var place in authored)
            {
                if (ochaRaions.TryGetValue((oblast, TextNormalizer.Fold(place.Ukrainian)), out var raions))
                {
                    found++;
                    raionAgrees += place.RaionId != 0 && raions.Contains(place.RaionId) ? 1 : 0;
                }
                else
                {
                    notInOcha.Add(place.Ukrainian);
                }
            }
            var ochaHere = ocha.Where(place => place.OblastId == oblast).ToList();
            var named = 0;
            var snapped = 0;
            foreach (var place in ochaHere)
            {
                var hit = gazetteer.Resolve(place.Ukrainian, null);
                if (hit.SettlementId == 0)
                {
                    continue;
                }
                var sameName = TextNormalizer.Fold(gazetteer.SettlementOf(hit).Ukrainian) == TextNormalizer.Fold(place.Ukrainian);
                named += sameName && hit.OblastId == oblast ? 1 : 0;
                snapped += sameName ? 0 : 1;
            }
            report.Add(new OblastCoverage(
                oblast,
                gazetteer.RegionName(oblast),
                authored.Count(place => place.Kind == SettlementKind.City),
                authored.Count(place => place.Kind == SettlementKind.UrbanTypeSettlement),
                found,
                raionAgrees,
                ochaHere.Count,
                named,
                snapped,
                notInOcha));
        }
        return report;
    }
}
