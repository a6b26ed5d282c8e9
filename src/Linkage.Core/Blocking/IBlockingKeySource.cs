namespace Linkage.Blocking;

/// <summary>One side's records as blocking sees them: integer key values per record and key part.</summary>
internal interface IBlockingKeySource
{
    int Count { get; }

    /// <summary>
    /// Writes the values <paramref name="record"/> has for <paramref name="part"/> (0 to
    /// <see cref="BlockKeys.MaxValuesPerPart"/> of them; none means the record has no such key).
    /// </summary>
    int Values(BlockingKeyPart part, int record, Span<int> values);

    /// <summary>The interned folded value of a rule's column on <paramref name="record"/>; 0 when it is blank.</summary>
    int ColumnValue(string column, int record);

    /// <summary>The record's name of that kind in its cross-script Latin skeleton; empty when missing or initial-only.</summary>
    string NameSkeleton(Names.NameKind kind, int record);

    /// <summary>An id of the record's sibling group, equal for the children of one group on this side; 0 when none.</summary>
    int SiblingGroup(int record);
}
