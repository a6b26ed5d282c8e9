namespace Linkage.Synthetic;

/// <summary>One row of references.csv, in the data contract's column order.</summary>
internal sealed record ReferenceRow(
    string RecordId, string Surname, string GivenName, string Patronymic, string Sex, string BirthDate,
    string BirthPlace, string BirthRegion, string SiblingGroup, string Notes);

/// <summary>One row of listings.csv, in the data contract's column order.</summary>
internal sealed record ListingRow(
    string ListingId, string Source, string ScrapedAt, string Surname, string GivenName, string Patronymic,
    string Sex, string BirthDate, string BirthPlace, string BirthRegion, string PlacementRegion,
    string SiblingGroup, string Url, string Notes);
