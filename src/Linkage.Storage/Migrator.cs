using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Linkage.Storage.Dialects;

namespace Linkage.Storage;

/// <summary>
/// Applies the numbered SQL migrations embedded in this assembly, each once and in order, in one transaction
/// under the dialect's migration lock, recording them in <c>schema_migrations</c>. A migration is a portable
/// <c>NNN_name.sql</c> (its type tokens translated by the dialect) unless a <c>NNN_name.&lt;dialect&gt;.sql</c> exists
/// for that number. A database newer than this build is refused rather than written to.
/// </summary>
internal static class Migrator
{
    private const string Prefix = "Linkage.Storage.Migrations.";

    public static IReadOnlyList<Migration> For(StoreDialect dialect)
    {
        var byNumber = new SortedDictionary<int, Migration>();
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[Prefix.Length..];
            var parts = fileName.Split('.');
            var specific = parts.Length == 3;
            if (specific && parts[1] != dialect.Name)
            {
                continue;
            }
            var number = int.Parse(fileName.AsSpan(0, fileName.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            if (!specific && byNumber.ContainsKey(number))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            byNumber[number] = new Migration(number, fileName, dialect.Translate(reader.ReadToEnd()));
        }
        return [.. byNumber.Values];
    }

    public static void Apply(DbConnection connection, StoreDialect dialect)
    {
        var migrations = For(dialect);
        using var transaction = dialect.BeginWrite(connection);
        // The second of two processes migrating at once then finds nothing left to apply.
        dialect.TakeTurn(connection, transaction, "migrate");
        Execute(connection, transaction, dialect.Translate(
            "CREATE TABLE IF NOT EXISTS schema_migrations (number BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at {timestamp} NOT NULL)"));
        var applied = new HashSet<long>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT number FROM schema_migrations";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetInt64(0));
            }
        }
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Number;
        if (applied.Count > 0 && applied.Max() > newest)
        {
            throw new InvalidOperationException(
                $"the database has schema migration {applied.Max()}, newer than this build knows ({newest}); use a newer linkage");
        }
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Number)))
        {
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (number, name, applied_at) VALUES (@number, @name, @at)";
            record.AddParameter("@number", (long)migration.Number);
            record.AddParameter("@name", migration.Name);
            record.AddParameter("@at", DateTimeOffset.UtcNow);
            record.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal sealed record Migration(int Number, string Name, string Sql);
}
