namespace Linkage.Ingest;

/// <summary>One structurally sound data row: where it starts, its raw field values, and a kept stray quote if any.</summary>
internal sealed record CsvRow(long Line, string[] Fields, int StrayQuoteField);
