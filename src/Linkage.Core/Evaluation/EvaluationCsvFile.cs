using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Linkage.Evaluation;

/// <summary>
/// A UTF-8 CSV file with a header row, read record by record with the position of each record, so that every
/// fault is reported as file, line and field. Evaluation input is our own output, so any fault stops the read.
/// </summary>
internal sealed class EvaluationCsvFile : IDisposable
{
    private const int ShownValueLength = 40;

    private readonly string _path;
    private readonly string[] _columnNames;
    private readonly int[] _columnIndexes;
    private readonly CsvReader _csv;
    private int _headerFieldCount;
    private int _previousEndLine;
    private string? _badData;

    private EvaluationCsvFile(string path, string[] columnNames, TextReader reader)
    {
        _path = path;
        _columnNames = columnNames;
        _columnIndexes = new int[columnNames.Length];
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => _badData ??= args.Field,
        };
        _csv = new CsvReader(reader, configuration);
    }

    /// <summary>1-based line where the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>Opens <paramref name="path"/> and checks that its header has every one of <paramref name="columnNames"/>.</summary>
    public static EvaluationCsvFile Open(string path, params string[] columnNames)
    {
        TextReader reader;
        try
        {
            reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new EvaluationInputException(path, 0, null, $"cannot be read: {e.Message}", e);
        }
        var file = new EvaluationCsvFile(path, columnNames, reader);
        try
        {
            file.ReadHeader();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public bool Read()
    {
        if (!Advance())
        {
            return false;
        }
        if (_csv.Parser.Count != _headerFieldCount)
        {
            throw Fault(null, $"has {_csv.Parser.Count} fields where the header has {_headerFieldCount}");
        }
        return true;
    }

    /// <summary>The trimmed value of the <paramref name="column"/>-th of the columns asked for at opening.</summary>
    public string Field(int column)
    {
        // The parser unquotes a field, and reports bad data, only when the field is read.
        var value = _csv.Parser[_columnIndexes[column]];
        return _badData is { } badData ? throw Fault(column, $"has a stray quote in '{Show(badData)}'") : value.Trim();
    }

    /// <summary>The field's value, which must not be empty.</summary>
    public string RequiredField(int column)
    {
        var value = Field(column);
        return value.Length > 0 ? value : throw Fault(column, "is empty");
    }

    /// <summary>A fault in the current record, in the <paramref name="column"/>-th of the columns asked for.</summary>
    public EvaluationInputException Fault(int? column, string problem) =>
        new(_path, Line, column is { } c ? _columnNames[c] : null, problem);

    /// <summary>A value for an error message: short, one line, no control characters.</summary>
    public static string Show(string value)
    {
        var shown = value.Length > ShownValueLength ? string.Concat(value.AsSpan(0, ShownValueLength), "…") : value;
        return string.Create(shown.Length, shown, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }

    public void Dispose() => _csv.Dispose();

    private void ReadHeader()
    {
        if (!Advance())
        {
            throw new EvaluationInputException(_path, 0, null, "is empty: no header row");
        }
        var header = _csv.Parser.Record ?? [];
        if (_badData is { } badData)
        {
            throw new EvaluationInputException(_path, Line, null, $"the header has a stray quote in '{Show(badData)}'");
        }
        _headerFieldCount = header.Length;
        for (var c = 0; c < _columnNames.Length; c++)
        {
            var matching = Enumerable.Range(0, header.Length)
                .Where(i => header[i].Trim().Equals(_columnNames[c], StringComparison.OrdinalIgnoreCase))
                .ToArray();
            if (matching.Length != 1)
            {
                var problem = matching.Length == 0 ? "the header lacks this column" : "the header has this column more than once";
                throw Fault(c, problem);
            }
            _columnIndexes[c] = matching[0];
        }
    }

    private bool Advance()
    {
        _badData = null;
        bool read;
        try
        {
            read = _csv.Read();
        }
        catch (DecoderFallbackException e)
        {
            throw new EvaluationInputException(_path, _previousEndLine + 1, null, "is not valid UTF-8 text", e);
        }
        catch (CsvHelperException e)
        {
            throw new EvaluationInputException(_path, _previousEndLine + 1, null, "is not readable CSV", e);
        }
        if (!read)
        {
            return false;
        }
        var endLine = _csv.Parser.RawRow;
        // A record spans several lines when a quoted field holds line breaks; blank lines before it are skipped.
        Line = endLine - _previousEndLine == 1 ? endLine : endLine - LineBreaksWithin(_csv.Parser.RawRecord);
        _previousEndLine = endLine;
        return true;
    }

    private static int LineBreaksWithin(string rawRecord)
    {
        var text = rawRecord.AsSpan().TrimEnd("\r\n");
        var breaks = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                breaks++;
            }
        }
        return breaks;
    }
}
