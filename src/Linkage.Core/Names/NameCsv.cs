namespace Linkage.Names;

/// <summary>Reads the simple CSV used by name data: '#' comment lines, one header line, no quoting.</summary>
internal static class NameCsv
{
    private const string ResourcePrefix = "Linkage.Data.Names/";

    public static IEnumerable<string[]> ReadEmbedded(string relativePath)
    {
        var name = ResourcePrefix + relativePath;
        using var stream = typeof(NameCsv).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded name data '{name}' is missing from {typeof(NameCsv).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        foreach (var row in Read(reader))
        {
            yield return row;
        }
    }

    public static IEnumerable<string[]> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var row in Read(reader))
        {
            yield return row;
        }
    }

    /// <summary>Every resource under the given folder of Data/Names.</summary>
    public static IEnumerable<string> EmbeddedUnder(string folder) =>
        typeof(NameCsv).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + folder + "/", StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal);

    /// <summary>The '# key: value' comment lines at the top of an embedded file.</summary>
    public static Dictionary<string, string> ReadHeaderComments(string relativePath)
    {
        using var stream = typeof(NameCsv).Assembly.GetManifestResourceStream(ResourcePrefix + relativePath)!;
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line && line.StartsWith('#'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 1)
            {
                result.TryAdd(line[1..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }
        return result;
    }

    private static IEnumerable<string[]> Read(TextReader reader)
    {
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }
            yield return line.Split(',');
        }
    }

    public static string[] Alternatives(string field) =>
        field.Length == 0 ? [] : field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
