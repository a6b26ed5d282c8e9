namespace Linkage.Comparison;

/// <summary>
/// One comparison of the model over two prepared sides: it sorts a pair into one of its ordered levels
/// (strongest evidence first, the null level for a value missing on either side) and says what met.
/// Implementations read only precomputed per-record arrays when levelling a pair.
/// </summary>
internal abstract class FieldComparison
{
    /// <summary>The comparison's name in the model JSON.</summary>
    public abstract string Name { get; }

    /// <summary>Level names in the model JSON, strongest first.</summary>
    public abstract IReadOnlyList<string> LevelNames { get; }

    /// <summary>The level that means "missing on one side or both", which weighs nothing.</summary>
    public abstract int NullLevel { get; }

    public abstract int Level(int reference, int listing);

    /// <summary>Whether levelling runs a string kernel: such comparisons run last, after cheaper ones may have ruled the pair out.</summary>
    public virtual bool UsesStringKernel => false;

    /// <summary>
    /// Whether its cursors have cheap checks (<see cref="ComparisonCursor.QuickLevel"/>) and run the kernel at a level's
    /// cutoff (<see cref="ComparisonCursor.Level(int, int)"/>); the pair loop asks only those that do.
    /// </summary>
    public virtual bool HasLevelCutoffs => false;

    /// <summary>The values that met, for reviewers: e.g. "Олександр ≡ Александр (UA↔RU dictionary)".</summary>
    public abstract string Describe(int reference, int listing, int level);

    /// <summary>
    /// For a level at which both sides have a value whose frequency is telling (a name's key, a surname's
    /// initial), the values each side holds, so the level's weight can be adjusted by how common the value is;
    /// null for levels that name no value.
    /// </summary>
    public virtual TermValues? TermValuesOf(int level) => null;

    /// <summary>
    /// For each listing, an id of the value this comparison reads (equal ids: equal levels against any reference),
    /// at listing × <see cref="PreparedPeople.MemoFields"/> + Field of Ids, and one more than the largest id; null
    /// when the comparison is not memoized.
    /// </summary>
    public (int[] Ids, int Field, int Count)? ListingValues { get; private set; }

    /// <summary>Levels against a reference are remembered per listing value, so a value repeated among the listings is levelled once.</summary>
    public FieldComparison MemoizedBy(int[] listingValueIds, int field, int valueCount)
    {
        ListingValues = (listingValueIds, field, valueCount);
        return this;
    }

    /// <summary>
    /// A cursor for one thread that levels many listings against one reference at a time; comparisons with
    /// cached scorers build them once per reference there, and memoized ones remember each listing value's level.
    /// </summary>
    public ComparisonCursor OpenCursor() =>
        ListingValues is { } values ? new MemoizingCursor(this, OpenDirectCursor(), values.Ids, values.Field, values.Count) : OpenDirectCursor();

    /// <summary>The cursor that computes every level; <see cref="OpenCursor"/> may wrap it in a memo.</summary>
    protected virtual ComparisonCursor OpenDirectCursor() => new(this);
}

/// <summary>Levels listings against the reference it was last moved to. Not thread-safe: one per worker.</summary>
internal class ComparisonCursor(FieldComparison comparison)
{
    protected int Reference { get; private set; }

    public virtual void MoveTo(int reference) => Reference = reference;

    public virtual int Level(int listing) => comparison.Level(Reference, listing);

    /// <summary>
    /// The level when it is <paramref name="strongestUseful"/> or stronger, or the null level; otherwise any non-null
    /// level weaker than <paramref name="strongestUseful"/>. The pair loop passes the weakest level that could still
    /// keep the pair, so a string kernel can stop at that level's cutoff instead of the comparison's lowest.
    /// </summary>
    public virtual int Level(int listing, int strongestUseful) => Level(listing);

    /// <summary>
    /// The level when a check much cheaper than <see cref="Level(int)"/> decides it (a missing or equal value, a
    /// string kernel's cheap filter), else −1: the pair loop tightens its bound with these before running any kernel.
    /// </summary>
    public virtual int QuickLevel(int listing) => -1;
}

/// <summary>
/// Remembers, for the current reference, the level of each listing value met so far: one int per value holds the
/// stamp of the reference it was levelled for (above the low byte) and the level (the low byte), so a hit reads one
/// array, and nothing is cleared between references (only when the stamp wraps).
/// </summary>
internal sealed class MemoizingCursor(FieldComparison comparison, ComparisonCursor direct, int[] listingValueIds, int field, int valueCount)
    : ComparisonCursor(comparison)
{
    private const int LevelBits = 8;
    private const int LastStamp = int.MaxValue >> LevelBits;

    private readonly int[] _memo = new int[valueCount];
    /// <summary>The current reference's stamp, shifted above the level byte; stamp 0 marks a value never levelled.</summary>
    private int _stamp;

    public override void MoveTo(int reference)
    {
        base.MoveTo(reference);
        direct.MoveTo(reference);
        if (_stamp >> LevelBits == LastStamp)
        {
            Array.Clear(_memo);
            _stamp = 0;
        }
        _stamp += 1 << LevelBits;
    }

    public override int Level(int listing)
    {
        var value = listingValueIds[listing * PreparedPeople.MemoFields + field];
        var memo = _memo[value];
        if ((memo & ~0xFF) == _stamp)
        {
            return memo & 0xFF;
        }
        var level = direct.Level(listing);
        _memo[value] = _stamp | (byte)level;
        return level;
    }
}
