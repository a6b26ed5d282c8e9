namespace Linkage.Places;

/// <summary>
/// How two birthplaces relate, strongest evidence first. Each pair gets exactly one level
/// (<see cref="PlaceComparison.Compare"/> checks them in this order).
/// </summary>
public enum PlaceLevel : byte
{
    /// <summary>One settlement under any name or era (Бахмут, Артемівськ, Артёмовск, Bakhmut); also two equal
    /// spellings of a place the gazetteer does not know, when their oblasts do not contradict.</summary>
    SameSettlement = 0,
    /// <summary>Different settlements, or a settlement and its raion, in one raion.</summary>
    SameRaion = 1,
    /// <summary>Different raions of one oblast, or one side names only the oblast.</summary>
    SameOblast = 2,
    /// <summary>One side is only an occupation label (ДНР, Республика Крым) for the other side's oblast.</summary>
    OccupationLabelConsistent = 3,
    /// <summary>One side (or both) is in Russia and they differ: weak, since Russian records replace birthplaces.</summary>
    OneSideInRussia = 4,
    /// <summary>Both Ukrainian, in different oblasts: the strongest contradiction a birthplace gives.</summary>
    ConflictingUkrainianPlaces = 5,
    /// <summary>At least one side is text the gazetteer could not place (and no shared oblast decides):
    /// no evidence either way, kept apart from <see cref="Missing"/> so it can get its own weight.</summary>
    Unresolved = 6,
    /// <summary>At least one side is blank.</summary>
    Missing = 7,
}
