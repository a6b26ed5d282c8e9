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
    public override void TakeTurn(DbConnection connection, DbTransaction transaction, string turn)
    {
    }

    /// <summary>
    /// A run writes hundreds of megabytes into indexes keyed in random order: a page cache of 256 MB instead of 2 MB
    /// keeps their pages in memory instead of spilling and re-reading them, and synchronous NORMAL (safe with the
    /// write-ahead log: a power cut may lose the last commits, never corrupt the file) skips an fsync per commit.
    /// An incremental run reads stored pairs and listings scattered over the file: a memory map of up to 4 GB reads
    /// them without a system call per page. A statement that writes many rows inside the run's transaction keeps the
    /// pages it changes in a statement journal, so that a failing row undoes only that statement: with temporary
    /// files in memory that journal is not written to a file page by page (on the 1% night it wrote 380 MB).
    /// The connection's own settings come back afterwards, so reviewers' decisions are synced as before.
    /// </summary>
    public override IDisposable BulkWriting(DbConnection connection)
    {
        var synchronous = Pragma(connection, "synchronous");
        var cacheSize = Pragma(connection, "cache_size");
        var mmapSize = Pragma(connection, "mmap_size");
        var tempStore = Pragma(connection, "temp_store");
        SetPragmas(connection, "NORMAL", "-262144", "4294967296", "MEMORY");
        return new RestorePragmas(connection, synchronous, cacheSize, mmapSize, tempStore);
    }

    private static string Pragma(DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Values come from this class or from the database itself (integers), never from input.</summary>
    private static void SetPragmas(DbConnection connection, string synchronous, string cacheSize, string mmapSize, string tempStore)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"PRAGMA synchronous = {synchronous}; PRAGMA cache_size = {cacheSize}; PRAGMA mmap_size = {mmapSize}; PRAGMA temp_store = {tempStore};";
        command.ExecuteNonQuery();
    }

    private sealed class RestorePragmas(DbConnection connection, string synchronous, string cacheSize, string mmapSize, string tempStore) : IDisposable
    {
        public void Dispose()
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                SetPragmas(connection, synchronous, cacheSize, mmapSize, tempStore);
            }
        }
    }

    /// <summary>SQLite hands over a text value's bytes as stored (UTF-8), with no string made and encoded back.</summary>
    public override byte[] Utf8Text(DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    /// <summary>BEGIN IMMEDIATE (the default of Microsoft.Data.Sqlite): the write lock is taken at once, so two
    /// writers queue on the busy timeout instead of one failing when it upgrades a read lock.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);
}
