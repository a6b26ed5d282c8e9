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

    /// <summary>The values that met, for reviewers: e.g. "Олександр ≡ Александр (UA↔RU dictionary)".</summary>
    public abstract string Describe(int reference, int listing, int level);

    /// <summary>
    /// A cursor for one thread that levels many listings against one reference at a time; comparisons with
    /// cached scorers build them once per reference there.
    /// </summary>
    public virtual ComparisonCursor OpenCursor() => new(this);
}

/// <summary>Levels listings against the reference it was last moved to. Not thread-safe: one per worker.</summary>
internal class ComparisonCursor(FieldComparison comparison)
{
    protected int Reference { get; private set; }

    public virtual void MoveTo(int reference) => Reference = reference;

    public virtual int Level(int listing) => comparison.Level(Reference, listing);
}
