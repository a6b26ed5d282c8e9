namespace Linkage.Ingest;

/// <summary>A row that ingest skipped, and why. Nothing is dropped without one.</summary>
/// <param name="File">The input file as it was named to the reader.</param>
/// <param name="Line">The physical line (1-based) on which the row starts.</param>
/// <param name="Column">The header of the offending column, when one column is to blame.</param>
/// <param name="Reason">What is wrong, in words a data owner can act on.</param>
public sealed record IngestReject(string File, long Line, string? Column, string Reason);
