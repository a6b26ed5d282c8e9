using System.Data.Common;
using System.Text;

namespace Linkage.Storage.Dialects;

/// <summary>
/// What differs between the two databases, kept to a few members: how to connect, the column types behind the
/// migration tokens, the turns transactions take (migrating, storing listings),
/// the database's own migration files, and how a claim skips rows another claimer holds.
/// Everything else (every query of <see cref="LinkStore"/>) is the same SQL text on both.
/// </summary>
internal abstract class StoreDialect
{
    /// <summary>Suffix of the dialect-specific migration files (<c>NNN_name.&lt;name&gt;.sql</c>).</summary>
    public abstract string Name { get; }

    public abstract DbConnection Connect(string target);

    /// <summary>Replacements for the <c>{token}</c>s of the portable migrations.</summary>
    public abstract IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>
    /// Makes the transactions of one store that take the same <paramref name="turn"/> run one at a time, from this
    /// call until <paramref name="transaction"/> ends, across processes and machines.
    /// </summary>
    public abstract void TakeTurn(DbConnection connection, DbTransaction transaction, string turn);

    /// <summary>Starts a transaction that holds the write lock from its first statement on.</summary>
    public virtual DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    /// <summary>
    /// Appended to the row-picking subquery of a claim: PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>, so two claimers
    /// take two different rows. SQLite has no row locks and needs none: its write transactions run one at a time.
    /// </summary>
    public virtual string SkipLockedRows => string.Empty;

    /// <summary>
    /// Appended to a text column to compare it by code point, as the engine orders listing ids: SQLite's default
    /// comparison already does; PostgreSQL's follows the database's locale unless told <c>COLLATE "C"</c>.
    /// </summary>
    public virtual string OrdinalCollation => string.Empty;

    /// <summary>
    /// Settings for a run's large writes and scattered reads, in force until the result is disposed; none by default
    /// (PostgreSQL commits a run's few large transactions at little cost).
    /// </summary>
    public virtual IDisposable BulkWriting(DbConnection connection) => NoSettings.Instance;

    /// <summary>A text column's value as UTF-8 bytes, for a parser that reads them directly.</summary>
    public virtual byte[] Utf8Text(DbDataReader reader, int ordinal) => Encoding.UTF8.GetBytes(reader.GetString(ordinal));

    public string Translate(string portableSql)
    {
        foreach (var (token, type) in Types)
        {
            portableSql = portableSql.Replace(token, type, StringComparison.Ordinal);
        }
        return portableSql;
    }

    private sealed class NoSettings : IDisposable
    {
        public static readonly NoSettings Instance = new();

        public void Dispose()
        {
        }
    }
}
