namespace Linkage.Ingest;

/// <summary>
/// The shape of one row as found on the raw code units, before decoding: where it is, how many fields it has, and
/// what went wrong with its quotes. Field indexes are 0-based; -1 means none.
/// </summary>
internal readonly record struct SplitRow
{
    public long FirstLine { get; init; }
    public int LineCount { get; init; }
    /// <summary>File offset of the second physical line of the row, or -1 when the row is one line.</summary>
    public long SecondLineOffset { get; init; }
    public int FieldCount { get; init; }
    public int LastNonEmptyField { get; init; }
    public int LongestField { get; init; }
    public long TotalBytes { get; init; }
    /// <summary>The first field with a quote inside unquoted text, which is kept as a literal quote.</summary>
    public int StrayQuoteField { get; init; }
    /// <summary>The first field with text after its closing quote.</summary>
    public int BadQuoteField { get; init; }
    /// <summary>The first field whose quotes enclose a line break.</summary>
    public int MultiLineField { get; init; }
    /// <summary>The file ended inside a quoted field.</summary>
    public bool EndsInsideQuotes { get; init; }
    /// <summary>The row is longer than the limit and its bytes were not kept.</summary>
    public bool Overflow { get; init; }
}
