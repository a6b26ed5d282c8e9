using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Linkage.Cli.Nightly;

/// <summary>
/// The inbox files a sharded run takes, written into its run so every shard reads the same batch even when new
/// files land while the shards start: one line per file, <c>kind TAB name TAB bytes TAB sha256</c>.
/// </summary>
internal static class BatchManifest
{
    private const string ReferencesKind = "references";
    private const string ListingsKind = "listings";

    public static string Describe(InboxBatch batch) => string.Join('\n',
        batch.References.Select(f => Line(ReferencesKind, f)).Concat(batch.Listings.Select(f => Line(ListingsKind, f))));

    /// <summary>The batch the manifest names, or null when one of its files is no longer in the inbox.</summary>
    public static InboxBatch? Find(Inbox inbox, string manifest)
    {
        var entries = Entries(manifest);
        if (entries.Any(e => !File.Exists(Path.Combine(inbox.Directory, e.Name))))
        {
            return null;
        }
        string[] Paths(string kind) => [.. entries.Where(e => e.Kind == kind).Select(e => Path.Combine(inbox.Directory, e.Name))];
        return new InboxBatch(Paths(ReferencesKind), Paths(ListingsKind));
    }

    /// <summary>The files that are no longer what the manifest recorded (rewritten in place in the inbox).</summary>
    public static IReadOnlyList<string> Changed(Inbox inbox, string manifest) =>
        [.. Entries(manifest).Where(e => Line(e.Kind, Path.Combine(inbox.Directory, e.Name)) != e.Line).Select(e => e.Name)];

    private static List<(string Kind, string Name, string Line)> Entries(string manifest) =>
        [.. manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var fields = line.Split('\t');
            return fields.Length == 4 && fields[0] is ReferencesKind or ListingsKind && Path.GetFileName(fields[1]) == fields[1]
                ? (fields[0], fields[1], line)
                : throw new InvalidDataException("a sharded run's batch manifest is damaged");
        })];

    private static string Line(string kind, string path)
    {
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return string.Join('\t', kind, Path.GetFileName(path), stream.Length.ToString(CultureInfo.InvariantCulture), hash);
    }
}
