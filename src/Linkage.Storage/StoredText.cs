namespace Linkage.Storage;

/// <summary>
/// PostgreSQL text cannot hold U+0000, so text stored in its own column must not contain it. Scraped text reaches
/// the store as ingest left it (NUL removed with a warning) or inside JSON documents, where NUL is escaped; typed
/// text (names, notes) with a NUL is refused on both databases alike rather than altered.
/// </summary>
internal static class StoredText
{
    public static string Check(string value, string what) =>
        value.Contains('\0', StringComparison.Ordinal)
            ? throw new ArgumentException($"{what} contains a NUL character, which the store cannot hold", what)
            : value;
}
