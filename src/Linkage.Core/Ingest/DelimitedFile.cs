using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Linkage.Ingest;

/// <summary>
/// One delimited text file opened for ingest: encoding and delimiter detected, rows split by <see cref="RowSplitter"/>
/// and fields parsed by CsvHelper. Rows that cannot be read structurally (stray or unclosed quotes, wrong field count,
/// oversized) become rejects here; what the fields mean is the record reader's business.
/// </summary>
internal sealed class DelimitedFile : IDisposable
{
    private readonly FileStream stream;
    private readonly DetectedEncoding encoding;
    private readonly RowSplitter splitter;
    private readonly CsvConfiguration csv;
    private readonly IProgress<IngestProgress>? progress;
    private long lastReported = -1;

    private DelimitedFile(string path, FileStream stream, DetectedEncoding encoding, char delimiter, string delimiterName,
        IProgress<IngestProgress>? progress)
    {
        Path = path;
        this.stream = stream;
        this.encoding = encoding;
        DelimiterName = delimiterName;
        this.progress = progress;
        splitter = new RowSplitter(stream, encoding.Layout, delimiter, encoding.PreambleLength);
        csv = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
    }

    public string Path { get; }
    public string EncodingName => encoding.Name;
    public string DelimiterName { get; }

    /// <summary>Opens <paramref name="path"/> and detects its encoding and delimiter.</summary>
    public static DelimitedFile Open(string path, IProgress<IngestProgress>? progress)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            var encoding = EncodingSniffer.Detect(stream);
            stream.Position = encoding.PreambleLength;
            var head = new byte[IngestLimits.SniffBytes];
            var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var (delimiter, delimiterName) = DelimiterSniffer.Detect(head.AsSpan(0, headLength), encoding.Layout);
            return new DelimitedFile(path, stream, encoding, delimiter, delimiterName, progress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stream?.Dispose();
            throw new IngestException(path, $"cannot be read: {e.Message}", innerException: e);
        }
    }

    /// <summary>Reads the first non-blank row as the header; throws <see cref="IngestException"/> when there is none.</summary>
    public IReadOnlyList<string> ReadHeader()
    {
        while (Guard(() => splitter.TryRead(out var row) ? row : (SplitRow?)null) is { } header)
        {
            if (header.EndsInsideQuotes || header.Overflow)
            {
                throw new IngestException(Path, $"the header on line {header.FirstLine} cannot be read: "
                    + (header.Overflow ? "it is longer than the row limit" : "a quote in it is never closed"));
            }
            var fields = ParseHeader(header.FieldCount)
                ?? throw new IngestException(Path, $"the header on line {header.FirstLine} cannot be read");
            if (!fields.All(string.IsNullOrWhiteSpace))
            {
                return fields;
            }
        }
        throw new IngestException(Path, "is empty: no header row");
    }

    /// <summary>
    /// The data rows after the header, each checked against <paramref name="headerMap"/>; unreadable rows are added to
    /// <paramref name="rejects"/> and skipped, and rows whose every field is blank are skipped silently.
    /// </summary>
    public IEnumerable<CsvRow> ReadRows(HeaderMap headerMap, List<IngestReject> rejects)
    {
        var columns = headerMap.Headers.Count;
        // Rows the splitter passed to the parser, in order; the parser returns them one for one.
        var passed = new Queue<SplitRow>();
        using var parser = new CsvParser(new RowFeed(() => NextParsableRow(headerMap, rejects, passed)), csv);
        var rawLinesSeen = 0L;
        while (ReadParser(parser))
        {
            var row = passed.Dequeue();
            var fields = parser.Record ?? [];
            if (fields.Length != row.FieldCount || parser.RawRow - rawLinesSeen != row.LineCount)
            {
                // The splitter follows CsvHelper's quoting rules; if they ever disagree, every later row would be misread.
                throw new IngestException(Path, $"internal error: the CSV parser and the row splitter disagree about the row on line {row.FirstLine}");
            }
            rawLinesSeen = parser.RawRow;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (!Fits(fields.Length, Array.FindLastIndex(fields, f => f.Length > 0), columns))
            {
                rejects.Add(Reject(row.FirstLine, null, string.Create(CultureInfo.InvariantCulture, $"row has {fields.Length} fields where the header has {columns}")));
                continue;
            }
            if (row.BadQuoteField >= 0)
            {
                rejects.Add(Reject(row.FirstLine, headerMap.HeaderAt(row.BadQuoteField), "text follows the closing quote of a quoted field"));
                continue;
            }
            var tooLong = Array.FindIndex(fields, f => f.Length > IngestLimits.MaxFieldLength);
            if (tooLong >= 0)
            {
                rejects.Add(Reject(row.FirstLine, headerMap.HeaderAt(tooLong), string.Create(CultureInfo.InvariantCulture,
                    $"field is {fields[tooLong].Length:N0} characters long, over the {IngestLimits.MaxFieldLength:N0}-character limit")));
                continue;
            }
            yield return new CsvRow(row.FirstLine, fields, row.StrayQuoteField);
        }
        ReportProgress(final: true);
    }

    /// <summary>
    /// The decoded text of the next row the parser can be given, queued in <paramref name="passed"/>; rows whose
    /// quotes or size make them unreadable are rejected here, before the parser sees them. Null at the end of the file.
    /// </summary>
    private string? NextParsableRow(HeaderMap headerMap, List<IngestReject> rejects, Queue<SplitRow> passed)
    {
        var columns = headerMap.Headers.Count;
        while (Guard(() => splitter.TryRead(out var row) ? row : (SplitRow?)null) is { } row)
        {
            ReportProgress(final: false);
            var swallowsLines = row.LineCount > 1 && (row.BadQuoteField >= 0 || !Fits(row.FieldCount, row.LastNonEmptyField, columns));
            if (row.EndsInsideQuotes || swallowsLines)
            {
                // A quote that never closes, or closes only after swallowing lines into a row that is malformed anyway,
                // is a stray quote: only its line is lost, and reading resumes on the next one.
                var why = row.EndsInsideQuotes
                    ? "the quote that opens here is never closed before the end of the file"
                    : row.BadQuoteField >= 0
                        ? string.Create(CultureInfo.InvariantCulture, $"the quote that opens here runs over {row.LineCount - 1} more line(s) and closes before stray text")
                        : string.Create(CultureInfo.InvariantCulture,
                            $"the quote that opens here runs over {row.LineCount - 1} more line(s) into a row of {row.FieldCount} fields where the header has {columns}");
                rejects.Add(Reject(row.FirstLine, headerMap.HeaderAt(row.MultiLineField), $"unbalanced quote: {why}; this line is skipped and reading resumes on the next"));
                if (row.SecondLineOffset >= 0)
                {
                    Guard(() => splitter.Rewind(row.SecondLineOffset, row.FirstLine + 1));
                }
                continue;
            }
            if (row.Overflow)
            {
                rejects.Add(Reject(row.FirstLine, headerMap.HeaderAt(row.LongestField), string.Create(CultureInfo.InvariantCulture,
                    $"row is {row.TotalBytes:N0} bytes, over the {IngestLimits.MaxRowBytes:N0}-byte limit; this is its longest field")));
                continue;
            }
            passed.Enqueue(row);
            return encoding.Encoding.GetString(splitter.RowBytes);
        }
        return null;
    }

    private bool ReadParser(CsvParser parser)
    {
        try
        {
            return parser.Read();
        }
        catch (CsvHelperException e) when (e.InnerException is IngestException inner)
        {
            throw inner;
        }
        catch (CsvHelperException e)
        {
            throw new IngestException(Path, $"the CSV parser failed: {e.Message}", innerException: e);
        }
    }

    public void Dispose() => stream.Dispose();

    /// <summary>
    /// A row fits a header of <paramref name="columns"/> fields when it has as many, or more whose surplus is empty
    /// (a trailing delimiter, or padding from a spreadsheet export).
    /// </summary>
    private static bool Fits(int fieldCount, int lastNonEmptyField, int columns) =>
        fieldCount == columns || (fieldCount > columns && lastNonEmptyField < columns);

    /// <summary>Parses the header row the splitter just read; null when CsvHelper does not see exactly one row of the expected width.</summary>
    private string[]? ParseHeader(int expectedFields)
    {
        var text = encoding.Encoding.GetString(splitter.RowBytes);
        try
        {
            using var parser = new CsvParser(new StringReader(text), csv);
            if (!parser.Read())
            {
                return null;
            }
            var fields = parser.Record;
            return fields is null || fields.Length != expectedFields || parser.Read() ? null : fields;
        }
        catch (CsvHelperException)
        {
            return null;
        }
    }

    private IngestReject Reject(long line, string? column, string reason) => new(Path, line, column, reason);

    private void ReportProgress(bool final)
    {
        if (progress is null)
        {
            return;
        }
        var read = final ? stream.Length : splitter.FurthestOffset;
        // One report per mebibyte keeps a progress bar smooth without a callback per row.
        if (final || read >> 20 != lastReported >> 20)
        {
            lastReported = read;
            progress.Report(new IngestProgress(read, stream.Length));
        }
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (IOException e)
        {
            throw new IngestException(Path, $"reading failed: {e.Message}", innerException: e);
        }
    }

    private void Guard(Action read) => Guard(() =>
    {
        read();
        return true;
    });
}
