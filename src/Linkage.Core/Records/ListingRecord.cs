namespace Linkage.Records;

/// <summary>A scraped child-placement or adoption listing.</summary>
public sealed record ListingRecord(string ListingId, PersonDetails Person)
{
    public string Source { get; init; } = string.Empty;
    public DateTimeOffset? ScrapedAt { get; init; }
    public string PlacementRegion { get; init; } = string.Empty;
    public string Url { get; init; } = string.Empty;
}
