using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Linkage.Storage.Dialects;

/// <summary>The embedded default: one file, write-ahead log, foreign keys on, waiting on a busy writer.</summary>
internal sealed class SqliteDialect : StoreDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string Name => "sqlite";

    public override IReadOnlyDictionary<string, string> Types { get; } = new Dictionary<string, string>
    {
        ["{id}"] = "INTEGER PRIMARY KEY",
        // Microsoft.Data.Sqlite writes DateTimeOffset as ISO-8601 text; all our times are UTC, so text order is time order.
        ["{timestamp}"] = "TEXT",
        ["{bool}"] = "INTEGER",
        ["{bytes}"] = "BLOB",
    };

    public override DbConnection Connect(string target)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(target));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = target,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Nothing to add: <see cref="StoreDialect.BeginWrite"/> already took SQLite's single write lock.</summary>
    public override void LockForMigration(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>BEGIN IMMEDIATE (the default of Microsoft.Data.Sqlite): the write lock is taken at once, so two
    /// writers queue on the busy timeout instead of one failing when it upgrades a read lock.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);
}
