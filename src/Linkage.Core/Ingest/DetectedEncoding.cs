using System.Text;

namespace Linkage.Ingest;

/// <summary>The text encoding ingest chose for a file, and where its text starts (after any byte order mark).</summary>
internal sealed record DetectedEncoding(Encoding Encoding, CodeUnitLayout Layout, int PreambleLength, string Name);
