namespace Linkage.Names;

/// <summary>
/// User dictionaries to load on top of the embedded data: CSV files with a header and columns <c>uk, ru, rank</c>
/// (rank 0 = the most common Russian rendering). Rows with a rank above <see cref="MaxRank"/> are ignored because
/// deeper ranks hold rare, noisy renderings that would chain unrelated names together.
/// </summary>
public sealed record NameDictionaryPaths
{
    public string? GivenNames { get; init; }
    public string? Patronymics { get; init; }
    public string? Surnames { get; init; }
    public int MaxRank { get; init; }
}
