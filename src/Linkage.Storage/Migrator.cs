using System.Data.Common;
using System.Reflection;

namespace Linkage.Storage;

/// <summary>
/// Applies the numbered SQL migrations embedded in this assembly, each once and in order, recording them in
/// <c>schema_migrations</c>. A database newer than this build is refused rather than written to.
/// </summary>
internal static class Migrator
{
    public static IReadOnlyList<(int Number, string Name, string Sql)> Embedded { get; } = LoadEmbedded();

    public static void Apply(DbConnection connection)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = new HashSet<int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT number FROM schema_migrations";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }
        var newest = Embedded.Count == 0 ? 0 : Embedded[^1].Number;
        if (applied.Count > 0 && applied.Max() > newest)
        {
            throw new InvalidOperationException(
                $"the database has schema migration {applied.Max()}, newer than this build knows ({newest}); use a newer linkage");
        }
        foreach (var (number, name, sql) in Embedded.Where(m => !applied.Contains(m.Number)))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (number, name, applied_at) VALUES (@number, @name, @at)";
            record.AddParameter("@number", number);
            record.AddParameter("@name", name);
            record.AddParameter("@at", DateTimeOffset.UtcNow.ToString("O"));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<(int, string, string)> LoadEmbedded()
    {
        const string prefix = "Linkage.Storage.Migrations.";
        var assembly = Assembly.GetExecutingAssembly();
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var number = int.Parse(fileName.AsSpan(0, fileName.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add((number, fileName, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return migrations;
    }
}
