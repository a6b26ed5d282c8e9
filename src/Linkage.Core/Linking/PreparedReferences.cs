using Linkage.Blocking;
using Linkage.Comparison;
using Linkage.Records;

namespace Linkage.Linking;

/// <summary>
/// References prepared for linking (their normalized names, dates and places, and their blocking keys) before the
/// listings they are linked with are known, so a host can prepare them on another thread while it reads or stores
/// listings. A session linking them goes on interning its listings' keys into the interners they were prepared with,
/// so one is linked by one session at a time.
/// </summary>
internal sealed class PreparedReferences
{
    private PreparedReferences(
        IReadOnlyList<ReferenceRecord> records, LinkEngine engine, KeyInterner keys, MemoValues values, PreparedPeople people, RecordKeys blockKeys)
    {
        Records = records;
        Engine = engine;
        Keys = keys;
        Values = values;
        People = people;
        BlockKeys = blockKeys;
    }

    public IReadOnlyList<ReferenceRecord> Records { get; }

    /// <summary>The engine they were prepared for: its normalization and its blocking rules.</summary>
    public LinkEngine Engine { get; }

    public KeyInterner Keys { get; }

    public MemoValues Values { get; }

    public PreparedPeople People { get; }

    /// <summary>Their keys under each of <see cref="Engine"/>'s blocking rules.</summary>
    public RecordKeys BlockKeys { get; }

    public static PreparedReferences Prepare(IReadOnlyList<ReferenceRecord> references, LinkEngine engine, ParallelOptions parallel)
    {
        var keys = new KeyInterner();
        var values = new MemoValues();
        var people = PreparedPeople.Prepare([.. references.Select(r => r.Person)], engine, keys, values, parallel);
        return new PreparedReferences(references, engine, keys, values, people, RecordKeys.Compute(engine.BlockingRules, people, parallel));
    }
}
