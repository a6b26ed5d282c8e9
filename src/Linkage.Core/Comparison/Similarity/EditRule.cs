namespace Linkage.Comparison.Similarity;

/// <summary>
/// Which edits an edit distance counts. Implemented by empty structs so that the generic kernels are compiled
/// once per rule and the rule's branch disappears from the inner loop.
/// </summary>
internal interface IEditRule
{
    /// <summary>True when swapping two adjacent characters costs one edit (optimal string alignment).</summary>
    static abstract bool AllowsTransposition { get; }
}

/// <summary>Insertions, deletions and substitutions.</summary>
internal readonly struct LevenshteinRule : IEditRule
{
    public static bool AllowsTransposition => false;
}

/// <summary>Levenshtein plus adjacent transpositions, no substring edited twice.</summary>
internal readonly struct OsaRule : IEditRule
{
    public static bool AllowsTransposition => true;
}
