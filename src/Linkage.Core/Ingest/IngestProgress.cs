namespace Linkage.Ingest;

/// <summary>How far ingest has read through a file, for a progress bar.</summary>
public readonly record struct IngestProgress(long BytesRead, long TotalBytes)
{
    /// <summary>Share of the file read, from 0 to 1 (1 for an empty file).</summary>
    public double Fraction => TotalBytes <= 0 ? 1 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);
}
