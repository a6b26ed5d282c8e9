using System.Data.Common;

namespace Linkage.Storage;

/// <summary>
/// Executes many parameterised writes with few round trips: a provider that supports <see cref="DbBatch"/>
/// (Npgsql) gets them in batches of <see cref="Size"/>; one that does not (Microsoft.Data.Sqlite, in-process, where
/// a round trip costs nothing) runs each through one reused command per statement text.
/// Call <see cref="Flush"/> before committing.
/// </summary>
internal sealed class StatementBatch(DbConnection connection, DbTransaction transaction) : IDisposable
{
    public const int Size = 500;

    private readonly DbBatch? _batch = connection.CanCreateBatch ? CreateBatch(connection, transaction) : null;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public void Add(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (_batch is null)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.AddParameter(name, null);
                }
                _commands[sql] = command;
            }
            foreach (var (name, value) in parameters)
            {
                command.Set(name, value);
            }
            command.ExecuteNonQuery();
            return;
        }
        var batchCommand = _batch.CreateBatchCommand();
        batchCommand.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = batchCommand.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            batchCommand.Parameters.Add(parameter);
        }
        _batch.BatchCommands.Add(batchCommand);
        if (_batch.BatchCommands.Count >= Size)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_batch is { BatchCommands.Count: > 0 })
        {
            _batch.ExecuteNonQuery();
            _batch.BatchCommands.Clear();
        }
    }

    public void Dispose()
    {
        _batch?.Dispose();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    private static DbBatch CreateBatch(DbConnection connection, DbTransaction transaction)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }
}
