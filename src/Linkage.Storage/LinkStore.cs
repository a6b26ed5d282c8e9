using System.Data.Common;
using Linkage.Storage.Dialects;

namespace Linkage.Storage;

/// <summary>
/// The review queue's store over one ADO.NET connection: runs, the records they read (listings with their
/// version history), candidate pairs with their score history, decisions, an append-only audit log, and users.
/// The same SQL runs on SQLite and PostgreSQL; the <see cref="StoreDialect"/> holds what differs.
/// Open it with <see cref="LinkStores.Open"/>. One instance is not thread-safe; open one per worker.
/// </summary>
public sealed partial class LinkStore : IDisposable
{
    private readonly DbConnection _connection;
    private readonly StoreDialect _dialect;

    /// <summary>The open transaction of a run's result (<see cref="BeginResult"/>), which every command joins.</summary>
    private DbTransaction? _result;

    /// <summary>What the store was opened on, to open another connection to it (<see cref="OpenSide"/>).</summary>
    private readonly string _target;

    private LinkStore(DbConnection connection, StoreDialect dialect, string target, string location)
    {
        _connection = connection;
        _dialect = dialect;
        _target = target;
        Location = location;
    }

    /// <summary>Where the store is, for messages: a file path or a PostgreSQL URL without the password.</summary>
    public string Location { get; }

    internal static LinkStore Open(StoreDialect dialect, string target, string location)
    {
        var connection = dialect.Connect(target);
        try
        {
            Migrator.Apply(connection, dialect);
            return new LinkStore(connection, dialect, target, location);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// Another connection to the same store, already migrated, for reading what is committed while this one goes on
    /// (a run reads its references while it stores its scrape).
    /// </summary>
    internal LinkStore OpenSide() => new(_dialect.Connect(_target), _dialect, _target, Location);

    private DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction ?? _result;
        return command;
    }

    /// <summary>Database settings for a run's large writes, in force until disposed (<see cref="StoreDialect.BulkWriting"/>).</summary>
    internal IDisposable BulkWriting() => _dialect.BulkWriting(_connection);

    /// <summary>
    /// Opens, unless open, the transaction in which a run writes its result: its pairs and retirements, and the row that
    /// completes it. Until <see cref="Publish"/> commits it, every command of this store joins it, so the
    /// result and the run's completion land together, and a run stopped or killed before leaves the stored result as
    /// the last completed run left it.
    /// </summary>
    internal void BeginResult() => _result ??= _dialect.BeginWrite(_connection);

    /// <summary>
    /// Runs a run's <paramref name="work"/> under the bulk settings (<see cref="BulkWriting"/>) and commits the result
    /// it wrote (<see cref="BeginResult"/>) once it returns, unless the run was stopped by then: the last moment a stop
    /// can leave the stored result as it was. A result not committed is rolled back.
    /// </summary>
    internal T Publish<T>(Func<T> work, CancellationToken cancellationToken)
    {
        using var bulk = BulkWriting();
        try
        {
            var value = work();
            cancellationToken.ThrowIfCancellationRequested();
            _result?.Commit();
            return value;
        }
        finally
        {
            // Before the bulk settings are restored: those commands run outside any transaction.
            _result?.Dispose();
            _result = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction, committed only if it returns; within a run's open result,
    /// as part of it.
    /// </summary>
    private T InTransaction<T>(Func<DbTransaction, T> work)
    {
        if (_result is not null)
        {
            return work(_result);
        }
        using var transaction = _dialect.BeginWrite(_connection);
        var result = work(transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// The one way rows enter the audit log; there is no method that updates or deletes them, and the database
    /// refuses to (migration 002).
    /// </summary>
    private void Audit(DbTransaction transaction, string actor, string action, string detail,
        string? referenceId = null, string? listingId = null, long? runId = null, string? evidence = null)
    {
        using var command = Command("""
            INSERT INTO audit_log (at, actor, action, reference_id, listing_id, run_id, detail, evidence)
            VALUES (@at, @actor, @action, @reference, @listing, @run, @detail, @evidence)
            """, transaction);
        command.AddParameter("@at", DateTimeOffset.UtcNow);
        command.AddParameter("@actor", StoredText.Check(actor, nameof(actor)));
        command.AddParameter("@action", action);
        command.AddParameter("@reference", referenceId);
        command.AddParameter("@listing", listingId);
        command.AddParameter("@run", runId);
        command.AddParameter("@detail", StoredText.Check(detail, nameof(detail)));
        command.AddParameter("@evidence", evidence);
        command.ExecuteNonQuery();
    }

    /// <summary>The audit trail, oldest first, optionally of one pair.</summary>
    public IReadOnlyList<AuditEntry> ReadAudit(string? referenceId = null, string? listingId = null)
    {
        var sql = "SELECT audit_id, at, actor, action, reference_id, listing_id, run_id, detail, evidence FROM audit_log";
        using var command = Command(string.Empty);
        if (referenceId is not null && listingId is not null)
        {
            sql += " WHERE reference_id = @reference AND listing_id = @listing";
            command.AddParameter("@reference", referenceId);
            command.AddParameter("@listing", listingId);
        }
        command.CommandText = sql + " ORDER BY audit_id";
        using var reader = command.ExecuteReader();
        var rows = new List<AuditEntry>();
        while (reader.Read())
        {
            rows.Add(new AuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.NullableString(4), reader.NullableString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.GetString(7),
                reader.NullableString(8)));
        }
        return rows;
    }
}
