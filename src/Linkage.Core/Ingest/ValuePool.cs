namespace Linkage.Ingest;

/// <summary>
/// Shares one string instance among equal short values within one file. Given names, regions, sources and sexes
/// repeat across thousands of rows; a million listings would otherwise hold a million copies of "Ростовская область".
/// </summary>
internal sealed class ValuePool
{
    private const int MaxLength = 32;
    private const int MaxEntries = 1 << 20;
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public string Share(string value)
    {
        if (value.Length > MaxLength)
        {
            return value;
        }
        if (values.TryGetValue(value, out var shared))
        {
            return shared;
        }
        if (values.Count < MaxEntries)
        {
            values.Add(value, value);
        }
        return value;
    }
}
