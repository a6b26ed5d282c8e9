namespace Linkage.Comparison.Similarity;

/// <summary>Cached optimal string alignment distance: Levenshtein plus adjacent transpositions (Иванов/Ивнаов is 1).</summary>
internal sealed class CachedOsa(ReadOnlySpan<char> query) : CachedEditDistance<OsaRule>(query);
