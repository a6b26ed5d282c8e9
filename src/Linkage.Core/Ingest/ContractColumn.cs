namespace Linkage.Ingest;

/// <summary>The columns the references and listings contracts name (data-schemas/).</summary>
internal enum ContractColumn : byte
{
    Id,
    Source,
    ScrapedAt,
    Surname,
    GivenName,
    Patronymic,
    Sex,
    BirthDate,
    BirthPlace,
    BirthRegion,
    PlacementRegion,
    SiblingGroup,
    Url,
    Notes,
}

/// <summary>Which input contract a column belongs to.</summary>
[Flags]
internal enum RecordContract : byte
{
    References = 1,
    Listings = 2,
    Both = References | Listings,
}
