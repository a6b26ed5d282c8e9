namespace Linkage.Ingest;

/// <summary>
/// The text CsvHelper reads: the rows <see cref="RowSplitter"/> accepted, decoded, one after another, each ended by a
/// line feed. Rows are pulled one at a time as CsvHelper asks for text, so a single streaming parser serves the whole
/// file (a parser per row costs twenty times the allocation) while rejected rows never reach it.
/// </summary>
internal sealed class RowFeed(Func<string?> nextRow) : TextReader
{
    private string current = string.Empty;
    private int position;
    private bool lineFeedPending;
    private bool ended;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <summary>Copies at most the rest of the current row (and its line feed); 0 only when no row is left.</summary>
    public override int Read(Span<char> destination)
    {
        if (destination.IsEmpty || !HasText())
        {
            return 0;
        }
        var count = Math.Min(destination.Length, current.Length - position);
        current.AsSpan(position, count).CopyTo(destination);
        position += count;
        if (position == current.Length && lineFeedPending && count < destination.Length)
        {
            destination[count++] = '\n';
            lineFeedPending = false;
        }
        return count;
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => !HasText() ? -1 : position < current.Length ? current[position] : '\n';

    /// <summary>Moves to the next row when the current one is used up; false when no row is left.</summary>
    private bool HasText()
    {
        if (position < current.Length || lineFeedPending)
        {
            return true;
        }
        if (ended || nextRow() is not { } row)
        {
            ended = true;
            return false;
        }
        current = row;
        position = 0;
        lineFeedPending = true;
        return true;
    }
}
