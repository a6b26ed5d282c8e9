namespace Linkage.Comparison;

/// <summary>
/// A per-record array held once per memo value (<see cref="PreparedPeople.ByMemoValue"/>), read by record: the
/// record's memo value id, which the pair loop has just read from the same cache line, then the value's entry.
/// </summary>
internal readonly struct MemoValueArray<T>(T[] byValue, int[] memoValueIds, int field)
{
    public T this[int record] => byValue[memoValueIds[record * PreparedPeople.MemoFields + field]];

    /// <summary>A part of each value's entry, held the same way: it too is the same for every record with the value.</summary>
    public MemoValueArray<TPart> Select<TPart>(Func<T, TPart> part) => new(Array.ConvertAll(byValue, v => part(v)), memoValueIds, field);
}
