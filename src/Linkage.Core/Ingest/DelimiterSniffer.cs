namespace Linkage.Ingest;

/// <summary>Picks the delimiter from the header: whichever of comma, semicolon and tab occurs most outside quotes.</summary>
internal static class DelimiterSniffer
{
    /// <summary>The delimiters ingest accepts, in order of preference on a tie.</summary>
    private static readonly (char Delimiter, string Name)[] Candidates = [(',', "comma"), (';', "semicolon"), ('\t', "tab")];

    /// <param name="text">The start of the file after any byte order mark, as raw code units.</param>
    public static (char Delimiter, string Name) Detect(ReadOnlySpan<byte> text, CodeUnitLayout layout)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var unitSize = layout.UnitSize();
        var inQuotes = false;
        var lineHasText = false;
        for (var i = 0; i + unitSize <= text.Length; i += unitSize)
        {
            var unit = layout.ReadUnit(text[i..]);
            if (unit == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && unit is '\r' or '\n')
            {
                if (lineHasText)
                {
                    break;
                }
                continue;
            }
            else if (!inQuotes)
            {
                for (var c = 0; c < Candidates.Length; c++)
                {
                    if (unit == Candidates[c].Delimiter)
                    {
                        counts[c]++;
                    }
                }
            }
            lineHasText = true;
        }
        var best = 0;
        for (var c = 1; c < Candidates.Length; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }
        return Candidates[best];
    }
}
