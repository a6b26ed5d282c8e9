namespace Linkage.Comparison;

/// <summary>The comparisons this build can compute, by their model-JSON name, over two prepared sides.</summary>
internal static class ComparisonCatalog
{
    /// <param name="valueCount">One more than the largest value id of either side (the interner's count + 1).</param>
    public static IReadOnlyDictionary<string, FieldComparison> Create(PreparedPeople references, PreparedPeople listings, int valueCount)
    {
        // Names and dates repeat across listings and cost the most to level, so their levels are memoized.
        FieldComparison[] all =
        [
            NameFieldComparison.GivenName(references, listings).MemoizedBy(listings.GivenValue, valueCount),
            NameFieldComparison.Surname(references, listings).MemoizedBy(listings.SurnameValue, valueCount),
            NameFieldComparison.Patronymic(references, listings).MemoizedBy(listings.PatronymicValue, valueCount),
            new BirthDateComparison(references.BirthDate, listings.BirthDate).MemoizedBy(listings.BirthDateValue, valueCount),
            new SexComparison(references.Sex, listings.Sex),
            new BirthPlaceComparison(references.BirthPlace, listings.BirthPlace, references.BirthPlaceText, listings.BirthPlaceText),
        ];
        return all.ToDictionary(c => c.Name);
    }
}
