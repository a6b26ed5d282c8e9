namespace Linkage.Places;

/// <summary>
/// Classifies two resolved birthplaces into a <see cref="PlaceLevel"/>. Pure and allocation-free.
/// Birthplace is weak, asymmetric evidence: a Soviet name, an occupation label or a place in Russia does not
/// contradict a Ukrainian birthplace; only two genuine Ukrainian places in different oblasts do.
/// </summary>
public static class PlaceComparison
{
    public static PlaceLevel Compare(PlaceRef a, PlaceRef b)
    {
        if (a.IsMissing || b.IsMissing)
        {
            return PlaceLevel.Missing;
        }
        if (a.SettlementId != 0 && a.SettlementId == b.SettlementId)
        {
            return PlaceLevel.SameSettlement;
        }
        if (a.IsUnresolved && b.IsUnresolved && a.NameKey != 0 && a.NameKey == b.NameKey
            && (a.OblastId == 0 || b.OblastId == 0 || a.OblastId == b.OblastId))
        {
            return PlaceLevel.SameSettlement;
        }
        if (a.IsInRussia || b.IsInRussia)
        {
            return PlaceLevel.OneSideInRussia;
        }
        if (a.OblastId == 0 || b.OblastId == 0)
        {
            return PlaceLevel.Unresolved;
        }
        if (a.OblastId != b.OblastId)
        {
            return PlaceLevel.ConflictingUkrainianPlaces;
        }
        if (a.RaionId != 0 && a.RaionId == b.RaionId)
        {
            return PlaceLevel.SameRaion;
        }
        var labelOnly = (a.IsOccupationLabel && a.SettlementId == 0) || (b.IsOccupationLabel && b.SettlementId == 0);
        return labelOnly ? PlaceLevel.OccupationLabelConsistent : PlaceLevel.SameOblast;
    }
}
