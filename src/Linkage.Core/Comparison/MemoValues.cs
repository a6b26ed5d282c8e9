namespace Linkage.Comparison;

/// <summary>
/// One interner per memoized comparison, shared by both sides: each field's value ids are dense from 1, so a
/// worker's memo for a field is only as large as that field's distinct values and stays in cache.
/// </summary>
internal sealed class MemoValues
{
    public KeyInterner Given { get; } = new();
    public KeyInterner Surname { get; } = new();
    public KeyInterner Patronymic { get; } = new();
    public KeyInterner BirthDate { get; } = new();
    public KeyInterner BirthPlace { get; } = new();

    /// <summary>The name fields' spellings (<see cref="NameLine.Spelling"/>), compared only within a field.</summary>
    public KeyInterner Spellings { get; } = new();
}
