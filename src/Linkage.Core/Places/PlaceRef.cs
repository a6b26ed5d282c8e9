namespace Linkage.Places;

/// <summary>What a resolved birthplace is, beyond where it is.</summary>
[Flags]
public enum PlaceTraits : byte
{
    None = 0,
    /// <summary>Only the name the Russian administration gives an occupied region (ДНР, Республика Крым).</summary>
    OccupationLabel = 1,
    /// <summary>A settlement or federal subject of the Russian Federation (not occupied Ukraine).</summary>
    InRussia = 2,
    /// <summary>Text was present but names no place the gazetteer knows.</summary>
    Unresolved = 4,
    /// <summary>Resolved by typo tolerance, not by an exact name: a village missing from the gazetteer can be
    /// snapped to a similarly named town (about 2% of OCHA's villages with the embedded gazetteer).</summary>
    Approximate = 8,
}

/// <summary>
/// A birthplace resolved against one <see cref="Gazetteer"/>: small integers for the pair hot path.
/// Settlement ids are row numbers of the gazetteer's data version: the embedded settlements keep the same ids in
/// <see cref="Gazetteer.Default"/> and <see cref="Gazetteer.LoadWithOcha"/> (OCHA's villages follow them), but
/// store the text, not the id, across versions. Raion and oblast ids are KATOTTH codes. 0 means unknown.
/// <see cref="OblastId"/> is the KATOTTH oblast code for Ukraine and 1000 + the subject code for Russia.
/// </summary>
public readonly record struct PlaceRef(int SettlementId, int RaionId, int OblastId, PlaceTraits Traits)
{
    /// <summary>For unresolved text: a stable hash of its folded spelling, so equal unknown names still meet;
    /// 0 when the text has no letters to key on.</summary>
    public int NameKey { get; init; }

    public static PlaceRef Missing => default;

    public bool IsMissing => SettlementId == 0 && RaionId == 0 && OblastId == 0 && Traits == PlaceTraits.None;

    public bool IsOccupationLabel => (Traits & PlaceTraits.OccupationLabel) != 0;

    public bool IsInRussia => (Traits & PlaceTraits.InRussia) != 0;

    public bool IsUnresolved => (Traits & PlaceTraits.Unresolved) != 0;

    public bool IsApproximate => (Traits & PlaceTraits.Approximate) != 0;

    /// <summary>Only a region is known: an oblast, an occupation label, a Russian subject, or a raion.</summary>
    public bool IsRegionOnly => SettlementId == 0 && OblastId != 0 && !IsUnresolved;
}
