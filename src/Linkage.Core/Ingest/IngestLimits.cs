namespace Linkage.Ingest;

/// <summary>Bounds that keep hostile input from exhausting memory; rows beyond them are rejected, not truncated.</summary>
internal static class IngestLimits
{
    /// <summary>The longest value a field may hold, in characters.</summary>
    public const int MaxFieldLength = 64 * 1024;

    /// <summary>The most bytes one row may take in the file; longer rows are skipped without being held in memory.</summary>
    public const int MaxRowBytes = 1024 * 1024;

    /// <summary>How much of the file start is examined to find the delimiter and a BOM-less UTF-16 layout.</summary>
    public const int SniffBytes = 64 * 1024;
}
