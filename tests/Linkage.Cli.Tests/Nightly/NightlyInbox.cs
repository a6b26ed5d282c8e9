using Linkage.Synthetic;
using Microsoft.Data.Sqlite;

namespace Linkage.Tests.Nightly;

/// <summary>A temporary inbox and SQLite store, and a synthetic corpus to drop into the inbox.</summary>
internal sealed class NightlyInbox : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("linkage-nightly-").FullName;

    public NightlyInbox()
    {
        Directory.CreateDirectory(Inbox);
    }

    public string Inbox => Path.Combine(_root, "inbox");

    public string Database => Path.Combine(_root, "queue.db");

    public string Corpus => Path.Combine(_root, "corpus");

    public string[] Arguments(params string[] extra) => ["nightly", "--inbox", Inbox, "--db", Database, .. extra];

    /// <summary>Writes a small corpus once (outside the inbox) and copies its references and listings into the inbox.</summary>
    public void DropCorpus(int children = 60, ulong seed = 20261124)
    {
        if (!Directory.Exists(Corpus))
        {
            CorpusGenerator.Write(new SynthOptions { Children = children, Seed = seed }, Corpus);
        }
        File.Copy(Path.Combine(Corpus, "references.csv"), Path.Combine(Inbox, "references-night1.csv"), overwrite: true);
        File.Copy(Path.Combine(Corpus, "listings.csv"), Path.Combine(Inbox, "listings-night1.csv"), overwrite: true);
    }

    public string[] InboxFiles() => Directory.GetFiles(Inbox);

    /// <summary>The review queue as rows, in a fixed order, for comparing two stores.</summary>
    public static IReadOnlyList<string> Queue(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        return Rows(connection, """
            SELECT reference_id, listing_id, comparison_weight, listing_sibling_group, match_probability, machine_decision, decision
            FROM candidate_pairs ORDER BY reference_id, listing_id
            """);
    }

    /// <summary>A query's single value as a number, such as a count.</summary>
    public static long Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Each row of a query as its values joined by '|', for comparing whole tables across stores and runs.</summary>
    public static List<string> Rows(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    public static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
