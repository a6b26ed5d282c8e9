using System.Runtime.CompilerServices;

namespace Linkage.Ingest;

/// <summary>
/// Splits a file into rows on its raw code units, following the same quoting rules as CsvHelper's RFC 4180 mode: a
/// quote opens a quoted field only at the start of a field, a doubled quote inside is a literal quote, and quotes
/// after the closing one or inside unquoted text are literal. It keeps at most <see cref="IngestLimits.MaxRowBytes"/>
/// of a row, counts physical lines (CR, LF and CRLF each end one), skips blank lines, and can seek back to any line
/// start so one stray quote costs one line, not the rest of the file.
/// </summary>
internal sealed class RowSplitter
{
    private const int Quote = '"';
    private const int CarriageReturn = '\r';
    private const int LineFeed = '\n';
    private const int EndOfFile = -1;

    private enum State : byte { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterClosingQuote }

    private readonly Stream stream;
    private readonly CodeUnitLayout layout;
    private readonly int unitSize;
    private readonly int delimiter;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int bufferLength;
    private int bufferPosition;
    private long bufferOffset;
    private byte[] row = new byte[4096];
    private int rowLength;
    private long nextLine = 1;
    private bool afterCarriageReturn;

    public RowSplitter(Stream stream, CodeUnitLayout layout, char delimiter, long startOffset)
    {
        this.stream = stream;
        this.layout = layout;
        unitSize = layout.UnitSize();
        this.delimiter = delimiter;
        Rewind(startOffset, 1);
    }

    /// <summary>The furthest file offset read so far, for progress reports.</summary>
    public long FurthestOffset { get; private set; }

    /// <summary>The bytes of the row last returned by <see cref="TryRead"/>, without its line terminator.</summary>
    public ReadOnlySpan<byte> RowBytes => row.AsSpan(0, rowLength);

    /// <summary>Continues reading at <paramref name="offset"/>, which starts physical line <paramref name="line"/>.</summary>
    public void Rewind(long offset, long line)
    {
        stream.Position = offset;
        bufferOffset = offset;
        bufferLength = bufferPosition = 0;
        nextLine = line;
        afterCarriageReturn = false;
    }

    /// <summary>Reads the next non-blank row; false at the end of the file.</summary>
    public bool TryRead(out SplitRow result)
    {
        var state = State.FieldStart;
        var firstLine = nextLine;
        var lineCount = 1;
        var secondLineOffset = -1L;
        int field = 0, lastNonEmpty = -1, longest = 0, stray = -1, bad = -1, multiLine = -1;
        long fieldUnits = 0, longestUnits = 0, totalUnits = 0;
        var overflow = false;
        rowLength = 0;

        while (true)
        {
            var unit = NextUnit();
            if (unit == LineFeed && afterCarriageReturn)
            {
                // The LF of a CRLF whose CR already ended a line: part of that line's terminator.
                afterCarriageReturn = false;
                if (state is State.Quoted)
                {
                    if (secondLineOffset == CurrentOffset - unitSize)
                    {
                        secondLineOffset = CurrentOffset;
                    }
                    Append(unit, ref overflow);
                    totalUnits++;
                    fieldUnits++;
                }
                continue;
            }
            afterCarriageReturn = unit == CarriageReturn;

            if (state is State.Quoted)
            {
                if (unit == EndOfFile)
                {
                    CloseField();
                    result = Result(endsInsideQuotes: true);
                    return true;
                }
                if (unit == Quote)
                {
                    state = State.QuoteInQuoted;
                }
                else if (unit is CarriageReturn or LineFeed)
                {
                    nextLine++;
                    lineCount++;
                    if (secondLineOffset < 0)
                    {
                        secondLineOffset = CurrentOffset;
                    }
                    if (multiLine < 0)
                    {
                        multiLine = field;
                    }
                }
                Append(unit, ref overflow);
                totalUnits++;
                fieldUnits++;
                continue;
            }

            if (state is State.QuoteInQuoted)
            {
                if (unit == Quote)
                {
                    state = State.Quoted;
                    Append(unit, ref overflow);
                    totalUnits++;
                    fieldUnits++;
                    continue;
                }
                state = State.AfterClosingQuote;
                if (unit != EndOfFile && unit != delimiter && unit is not (CarriageReturn or LineFeed) && bad < 0)
                {
                    bad = field;
                }
            }

            if (unit is CarriageReturn or LineFeed or EndOfFile)
            {
                if (unit != EndOfFile)
                {
                    nextLine++;
                }
                if (totalUnits == 0)
                {
                    if (unit == EndOfFile)
                    {
                        result = default;
                        return false;
                    }
                    firstLine = nextLine;
                    continue;
                }
                CloseField();
                result = Result(endsInsideQuotes: false);
                return true;
            }

            if (unit == delimiter)
            {
                CloseField();
                field++;
                state = State.FieldStart;
            }
            else if (state is State.FieldStart)
            {
                state = unit == Quote ? State.Quoted : State.Unquoted;
                fieldUnits++;
            }
            else
            {
                if (unit == Quote && state is State.Unquoted && stray < 0)
                {
                    stray = field;
                }
                fieldUnits++;
            }
            Append(unit, ref overflow);
            totalUnits++;
        }

        void CloseField()
        {
            if (fieldUnits > 0)
            {
                lastNonEmpty = field;
            }
            if (fieldUnits > longestUnits)
            {
                longest = field;
                longestUnits = fieldUnits;
            }
            fieldUnits = 0;
        }

        SplitRow Result(bool endsInsideQuotes) => new()
        {
            FirstLine = firstLine,
            LineCount = lineCount,
            SecondLineOffset = secondLineOffset,
            FieldCount = field + 1,
            LastNonEmptyField = lastNonEmpty,
            LongestField = longest,
            TotalBytes = totalUnits * unitSize,
            StrayQuoteField = stray,
            BadQuoteField = bad,
            MultiLineField = multiLine,
            EndsInsideQuotes = endsInsideQuotes,
            Overflow = overflow,
        };
    }

    private long CurrentOffset => bufferOffset + bufferPosition;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextUnit()
    {
        if (bufferLength - bufferPosition < unitSize && !Refill())
        {
            return EndOfFile;
        }
        int unit = unitSize == 1 ? buffer[bufferPosition] : layout.ReadUnit(buffer.AsSpan(bufferPosition));
        bufferPosition += unitSize;
        return unit;
    }

    /// <summary>Reads more bytes, keeping a partial code unit; false when no whole unit is left.</summary>
    private bool Refill()
    {
        var kept = bufferLength - bufferPosition;
        buffer.AsSpan(bufferPosition, kept).CopyTo(buffer);
        bufferOffset += bufferPosition;
        bufferPosition = 0;
        bufferLength = kept + stream.ReadAtLeast(buffer.AsSpan(kept), unitSize - kept, throwOnEndOfStream: false);
        FurthestOffset = Math.Max(FurthestOffset, bufferOffset + bufferLength);
        return bufferLength >= unitSize;
    }

    private void Append(int unit, ref bool overflow)
    {
        if (overflow)
        {
            return;
        }
        if (rowLength + unitSize > IngestLimits.MaxRowBytes)
        {
            overflow = true;
            return;
        }
        if (rowLength + unitSize > row.Length)
        {
            Array.Resize(ref row, Math.Min(row.Length * 2, IngestLimits.MaxRowBytes));
        }
        switch (layout)
        {
            case CodeUnitLayout.SingleByte:
                row[rowLength] = (byte)unit;
                break;
            case CodeUnitLayout.Utf16LittleEndian:
                row[rowLength] = (byte)unit;
                row[rowLength + 1] = (byte)(unit >> 8);
                break;
            default:
                row[rowLength] = (byte)(unit >> 8);
                row[rowLength + 1] = (byte)unit;
                break;
        }
        rowLength += unitSize;
    }
}
