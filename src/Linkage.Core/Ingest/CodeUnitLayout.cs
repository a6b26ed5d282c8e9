namespace Linkage.Ingest;

/// <summary>
/// How a file's text is laid out in code units. The characters that structure a CSV file (quote, delimiters, CR, LF)
/// are ASCII and never occur inside a multi-byte character in any supported encoding, so rows can be split on the raw
/// units before decoding; that is what lets ingest seek back to any line after a stray quote.
/// </summary>
internal enum CodeUnitLayout : byte
{
    SingleByte = 0,
    Utf16LittleEndian = 1,
    Utf16BigEndian = 2,
}

internal static class CodeUnitLayoutExtensions
{
    public static int UnitSize(this CodeUnitLayout layout) => layout == CodeUnitLayout.SingleByte ? 1 : 2;

    /// <summary>Reads the code unit that starts at <paramref name="bytes"/>[0].</summary>
    public static int ReadUnit(this CodeUnitLayout layout, ReadOnlySpan<byte> bytes) => layout switch
    {
        CodeUnitLayout.Utf16LittleEndian => bytes[0] | (bytes[1] << 8),
        CodeUnitLayout.Utf16BigEndian => (bytes[0] << 8) | bytes[1],
        _ => bytes[0],
    };
}
