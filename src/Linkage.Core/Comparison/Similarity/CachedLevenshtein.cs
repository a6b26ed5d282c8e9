namespace Linkage.Comparison.Similarity;

/// <summary>Cached Levenshtein distance: insertions, deletions, substitutions.</summary>
internal sealed class CachedLevenshtein(ReadOnlySpan<char> query) : CachedEditDistance<LevenshteinRule>(query);
