using Linkage.Storage.Dialects;

namespace Linkage.Storage;

/// <summary>Opens the store a <c>--db</c> value names.</summary>
public static class LinkStores
{
    /// <summary>
    /// A PostgreSQL connection string (<c>Host=…</c>) or URL (<c>postgres://…</c>, <c>postgresql://…</c>) opens
    /// PostgreSQL; anything else is the path of a SQLite file, created when missing. Pending migrations are applied.
    /// </summary>
    public static LinkStore Open(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        StoreDialect dialect = PostgresDialect.Accepts(target) ? PostgresDialect.Instance : SqliteDialect.Instance;
        var location = dialect is PostgresDialect ? PostgresDialect.Describe(target) : Path.GetFullPath(target);
        return LinkStore.Open(dialect, target, location);
    }

    /// <summary>Whether <paramref name="target"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsPostgres(string target) => PostgresDialect.Accepts(target);
}
