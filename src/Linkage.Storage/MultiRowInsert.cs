using System.Data.Common;
using System.Globalization;

namespace Linkage.Storage;

/// <summary>
/// Inserts the rows added since the last <see cref="Flush"/> with one <c>INSERT … VALUES (…), (…)</c> statement,
/// prepared once per row count and reused, instead of one statement per row. Rows are written only on
/// <see cref="Flush"/>, so the caller decides the order of tables that reference each other.
/// </summary>
internal sealed class MultiRowInsert(DbConnection connection, DbTransaction transaction, string table, params string[] columns) : IDisposable
{
    private readonly List<object?[]> _rows = [];
    private readonly Dictionary<int, DbCommand> _commands = [];

    public int Pending => _rows.Count;

    /// <param name="values">One per column, in column order.</param>
    public void Add(params object?[] values) => _rows.Add(values.Length == columns.Length
        ? values
        : throw new ArgumentException($"{columns.Length} values expected", nameof(values)));

    public void Flush()
    {
        if (_rows.Count == 0)
        {
            return;
        }
        if (!_commands.TryGetValue(_rows.Count, out var command))
        {
            command = Build(_rows.Count);
            _commands[_rows.Count] = command;
        }
        var parameters = command.Parameters;
        for (var row = 0; row < _rows.Count; row++)
        {
            for (var column = 0; column < columns.Length; column++)
            {
                parameters[row * columns.Length + column].Value = _rows[row][column] ?? DBNull.Value;
            }
        }
        command.ExecuteNonQuery();
        _rows.Clear();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    private DbCommand Build(int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new string[rows];
        for (var row = 0; row < rows; row++)
        {
            var names = new string[columns.Length];
            for (var column = 0; column < columns.Length; column++)
            {
                names[column] = string.Create(CultureInfo.InvariantCulture, $"@c{column}r{row}");
                command.AddParameter(names[column], null);
            }
            values[row] = "(" + string.Join(", ", names) + ")";
        }
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)}";
        return command;
    }
}
