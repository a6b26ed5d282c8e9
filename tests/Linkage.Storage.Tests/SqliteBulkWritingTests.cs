using System.Data.Common;
using Linkage.Storage.Dialects;

namespace Linkage.Tests;

/// <summary>A run writes under bulk settings on its SQLite connection, which gets its own settings back afterwards.</summary>
public sealed class SqliteBulkWritingTests : IDisposable
{
    private readonly SqliteTarget _target = new();

    [Fact]
    public void A_run_writes_with_bulk_settings_and_the_connection_gets_its_own_back()
    {
        using var connection = SqliteDialect.Instance.Connect(_target.Target);
        var own = Settings(connection);

        using (SqliteDialect.Instance.BulkWriting(connection))
        {
            // synchronous NORMAL (1), a 256 MB page cache, temporary files (statement journals) in memory (2).
            Assert.Equal(("1", "-262144", "2"), Settings(connection));
        }

        Assert.Equal(own, Settings(connection));
        Assert.NotEqual(("1", "-262144", "2"), own);
    }

    private static (string Synchronous, string CacheSize, string TempStore) Settings(DbConnection connection) =>
        (Pragma(connection, "synchronous"), Pragma(connection, "cache_size"), Pragma(connection, "temp_store"));

    private static string Pragma(DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public void Dispose() => _target.Dispose();
}
