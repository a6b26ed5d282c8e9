using Linkage.Storage.Dialects;
using Npgsql;

namespace Linkage.Storage;

/// <summary>
/// One holder at a time of a named job (the nightly run) on one store, across processes and machines, released
/// when disposed or when the holder dies, however it dies.
/// <para>
/// PostgreSQL: a session advisory lock (<c>pg_try_advisory_lock</c>) keyed by the job and the schema, on a
/// connection of its own; the server drops it with the connection, so a killed holder frees it at once.
/// </para>
/// <para>
/// SQLite: an exclusive lock (<c>flock</c> on Linux, via <see cref="FileShare.None"/>) on a file beside the database,
/// <c>&lt;db&gt;.&lt;job&gt;.lock</c>. The kernel releases it when the process ends, even on SIGKILL, whereas a lease
/// row would have to expire first and needs clocks to agree; and SQLite's own database lock cannot be held for a
/// whole run without blocking the review app's writes. The lock file is left in place: deleting it would let a
/// third process lock a new file while the second still holds the old one. (Like SQLite itself, this needs a local
/// file system, not NFS.)
/// </para>
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly IDisposable _held;

    private RunLock(IDisposable held) => _held = held;

    /// <summary>Takes the lock if it is free; null when another holder has it.</summary>
    public static RunLock? TryAcquire(string target, string job) => TryAcquire(target, job, shared: false);

    /// <summary>
    /// Takes the lock shared: any number of shared holders at once (the shards of one run), none while an exclusive
    /// holder has it, and no exclusive holder while any shared one does. Null when an exclusive holder has it.
    /// </summary>
    public static RunLock? TryAcquireShared(string target, string job) => TryAcquire(target, job, shared: true);

    private static RunLock? TryAcquire(string target, string job, bool shared)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        return LinkStores.IsPostgres(target) ? TryAcquirePostgres(target, job, shared) : TryAcquireFile(LockFilePath(target, job), shared);
    }

    /// <summary>Waits for the lock, polling every <paramref name="poll"/>, until it is taken or cancelled.</summary>
    public static async Task<RunLock> AcquireAsync(string target, string job, TimeSpan poll, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryAcquire(target, job) is { } taken)
            {
                return taken;
            }
            await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The lock file of a SQLite store: beside the database, so every process that opens it finds the same file.</summary>
    public static string LockFilePath(string sqlitePath, string job) => Path.GetFullPath(sqlitePath) + "." + job + ".lock";

    public void Dispose() => _held.Dispose();

    private static RunLock? TryAcquireFile(string path, bool shared)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // .NET takes flock LOCK_SH for a read-only stream that shares, LOCK_EX for FileShare.None.
            return new RunLock(shared
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    private static RunLock? TryAcquirePostgres(string target, string job, bool shared)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresDialect.ToConnectionString(target))
        {
            // The lock lives as long as this session; a pooled connection would outlive Dispose and keep it.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_try_advisory_lock{(shared ? "_shared" : "")}(hashtext('linkage-run:' || @job || ':' || current_schema()))";
            command.Parameters.AddWithValue("job", job);
            if (command.ExecuteScalar() is true)
            {
                return new RunLock(connection);
            }
            connection.Dispose();
            return null;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
