using Linkage.Records;

namespace Linkage.Linking;

/// <summary>
/// Splits the references, in input order, into consecutive ranges of about <c>size</c> that never separate a
/// sibling group: sibling evidence compares the candidates of a group's children, so a range holding a whole
/// group can be finished on its own. A group whose children lie far apart in the input widens its range.
/// </summary>
internal static class ReferenceChunks
{
    public static IReadOnlyList<Range> Split(IReadOnlyList<ReferenceRecord> references, int size)
    {
        var lastOfGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < references.Count; r++)
        {
            if (references[r].Person.SiblingGroup is { Length: > 0 } group)
            {
                lastOfGroup[group] = r;
            }
        }
        var chunks = new List<Range>();
        var start = 0;
        var end = 0; // the range must reach at least here (exclusive) to hold every group it has started
        for (var r = 0; r < references.Count; r++)
        {
            if (references[r].Person.SiblingGroup is { Length: > 0 } group)
            {
                end = Math.Max(end, lastOfGroup[group] + 1);
            }
            end = Math.Max(end, r + 1);
            if (end == r + 1 && r + 1 - start >= size)
            {
                chunks.Add(start..(r + 1));
                start = r + 1;
            }
        }
        if (start < references.Count)
        {
            chunks.Add(start..references.Count);
        }
        return chunks;
    }
}
