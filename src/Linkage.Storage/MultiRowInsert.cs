using System.Data.Common;
using System.Globalization;

namespace Linkage.Storage;

/// <summary>
/// Inserts the rows added since the last <see cref="Flush"/> with <c>INSERT … VALUES (…), (…)</c> statements of up to
/// <see cref="RowsPerStatement"/> rows, prepared once per row count and reused, instead of one statement per row.
/// Rows are written only on <see cref="Flush"/>, so the caller decides the order of tables that reference each other.
/// </summary>
internal sealed class MultiRowInsert(DbConnection connection, DbTransaction transaction, string table, params string[] columns) : IDisposable
{
    /// <summary>
    /// Few rows: SQLite finds each named parameter by a linear search of the statement's names, so binding costs
    /// grow with the square of the parameters per statement; at 500 rows binding cost more than it saved.
    /// </summary>
    public const int RowsPerStatement = 16;

    private readonly List<object?[]> _rows = [];
    private readonly Dictionary<int, DbCommand> _commands = [];

    /// <param name="values">One per column, in column order.</param>
    public void Add(params object?[] values) => _rows.Add(values.Length == columns.Length
        ? values
        : throw new ArgumentException($"{columns.Length} values expected", nameof(values)));

    public void Flush()
    {
        for (var start = 0; start < _rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, _rows.Count - start);
            if (!_commands.TryGetValue(count, out var command))
            {
                command = Build(count);
                _commands[count] = command;
            }
            var parameters = command.Parameters;
            for (var row = 0; row < count; row++)
            {
                var values = _rows[start + row];
                for (var column = 0; column < columns.Length; column++)
                {
                    parameters[row * columns.Length + column].Value = values[column] ?? DBNull.Value;
                }
            }
            command.ExecuteNonQuery();
        }
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
