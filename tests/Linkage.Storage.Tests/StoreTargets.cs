using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linkage.Tests;

/// <summary>A fresh, empty database for one test, removed when the test ends.</summary>
public abstract class StoreTarget : IDisposable
{
    /// <summary>What <c>LinkStores.Open</c> takes: a file path or a connection string.</summary>
    public abstract string Target { get; }

    /// <summary>A connection that goes around the store, for checks the store's API cannot make.</summary>
    public abstract DbConnection OpenRawConnection();

    public abstract void Dispose();
}

public sealed class SqliteTarget : StoreTarget
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-store-").FullName;

    public override string Target => Path.Combine(_directory, "queue.db");

    public override DbConnection OpenRawConnection()
    {
        var connection = new SqliteConnection($"Data Source={Target};Pooling=False");
        connection.Open();
        return connection;
    }

    public override void Dispose() => Directory.Delete(_directory, recursive: true);
}

/// <summary>A schema with a unique name in the server of <c>LINKAGE_TEST_POSTGRES</c>, dropped afterwards.</summary>
public sealed class PostgresTarget : StoreTarget
{
    private readonly string _admin;
    private readonly string _schema = "linkage_test_" + Guid.NewGuid().ToString("N");

    public PostgresTarget()
    {
        _admin = PostgresServer.ConnectionString
            ?? throw new InvalidOperationException($"{PostgresServer.Variable} is not set, and CI needs a real PostgreSQL");
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
        command.ExecuteNonQuery();
        // No pooling: every test has its own connection string, and idle pools would pile up connections.
        Target = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema, Pooling = false }.ToString();
    }

    public override string Target { get; }

    public override DbConnection OpenRawConnection()
    {
        var connection = new NpgsqlConnection(Target);
        connection.Open();
        return connection;
    }

    public override void Dispose()
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
        command.ExecuteNonQuery();
    }
}
