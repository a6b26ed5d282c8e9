using System.Collections;
using System.Text.Json;

namespace Linkage.Storage;

/// <summary>
/// A JSON array column read back as a list only when something looks inside: an incremental run reads the pairs of
/// every reference it merges, and most of them pass through unchanged, compared by reference, never read.
/// </summary>
/// <param name="columns">The stored pair the column is read from the first time it is needed.</param>
internal sealed class StoredJsonList<T>(StoredPairColumns columns, string column) : IReadOnlyList<T>
{
    private T[]? _items;

    private T[] Items => _items ??= JsonSerializer.Deserialize<T[]>(columns.Read(column)) ?? [];

    public T this[int index] => Items[index];

    public int Count => Items.Length;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The columns of one stored pair that a run reads only when the pair changes (<see cref="StoredJsonList{T}"/>): one
/// object per pair read, where a delegate per column and the state they shared were three.
/// </summary>
/// <param name="evidence">The evidence when it was read with the pair (sibling evidence lifted it).</param>
internal sealed class StoredPairColumns(LinkStore store, string referenceId, string listingId, string? evidence)
{
    public const string Evidence = "evidence";
    public const string BlockingRules = "blocking_rules";

    public string Read(string column) =>
        column == Evidence && evidence is not null ? evidence : store.PairColumn(referenceId, listingId, column);
}
