namespace Linkage.Comparison;

/// <summary>
/// The values a comparison level's term-frequency adjustment reads: each reference's and each listing's interned
/// id of its value (0: none), in one id space shared by both sides.
/// </summary>
/// <param name="Listings">Each listing's value id, from which the values' frequencies are counted.</param>
/// <param name="ListingsByValue">The same ids read through the listing's memo line, as the pair loop reads them.</param>
/// <param name="Shared">
/// Whether at this level both sides always hold the same id (exact, same key, agreeing initials). At other levels
/// (fuzzy, diminutive) the two ids differ and the more common of the two values counts.
/// </param>
internal sealed record TermValues(int[] References, int[] Listings, MemoValueArray<int> ListingsByValue, bool Shared);
