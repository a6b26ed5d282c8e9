namespace Linkage.Ingest;

/// <summary>What ingest made of one input file: the usable records, the skipped rows, and how it read the file.</summary>
/// <param name="File">The input file as it was named to the reader.</param>
/// <param name="Records">Accepted records, in file order.</param>
/// <param name="Rejects">Skipped rows, ordered by line; one per skipped row.</param>
/// <param name="RowsRead">Data rows read (header, blank and all-empty lines excluded): accepted plus rejected.</param>
/// <param name="EncodingName">The detected text encoding, e.g. "UTF-8 (BOM)" or "Windows-1251".</param>
/// <param name="DelimiterName">The detected delimiter: "comma", "semicolon" or "tab".</param>
public sealed record IngestResult<T>(
    string File,
    IReadOnlyList<T> Records,
    IReadOnlyList<IngestReject> Rejects,
    int RowsRead,
    string EncodingName,
    string DelimiterName);
