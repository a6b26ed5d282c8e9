using System.Collections;
using System.Text.Json;

namespace Linkage.Storage;

/// <summary>
/// A JSON array column read back as a list only when something looks inside: an incremental run reads the pairs of
/// every reference it merges, and most of them pass through unchanged, compared by reference, never read.
/// </summary>
/// <param name="json">The column's text, read from the store the first time it is needed.</param>
internal sealed class StoredJsonList<T>(Func<string> json) : IReadOnlyList<T>
{
    private T[]? _items;

    private T[] Items => _items ??= JsonSerializer.Deserialize<T[]>(json()) ?? [];

    public T this[int index] => Items[index];

    public int Count => Items.Length;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
