namespace Linkage.Comparison;

/// <summary>The comparisons this build can compute, by their model-JSON name, over two prepared sides.</summary>
internal static class ComparisonCatalog
{
    /// <param name="values">The interners that gave both sides their memo value ids.</param>
    public static IReadOnlyDictionary<string, FieldComparison> Create(PreparedPeople references, PreparedPeople listings, MemoValues values)
    {
        // Names, dates and places repeat across listings, so their levels are memoized: a repeated value costs one read of the memo.
        var spellings = new SpellingArena(values.Spellings);
        FieldComparison[] all =
        [
            NameFieldComparison.GivenName(references, listings, spellings, values.Given.Count + 1).MemoizedBy(listings.MemoValueIds, PreparedPeople.GivenMemo, values.Given.Count + 1),
            NameFieldComparison.Surname(references, listings, spellings, values.Surname.Count + 1).MemoizedBy(listings.MemoValueIds, PreparedPeople.SurnameMemo, values.Surname.Count + 1),
            NameFieldComparison.Patronymic(references, listings, spellings, values.Patronymic.Count + 1).MemoizedBy(listings.MemoValueIds, PreparedPeople.PatronymicMemo, values.Patronymic.Count + 1),
            new BirthDateComparison(references.BirthDate, listings.ByMemoValue(listings.BirthDate, PreparedPeople.BirthDateMemo, values.BirthDate.Count + 1)).MemoizedBy(listings.MemoValueIds, PreparedPeople.BirthDateMemo, values.BirthDate.Count + 1),
            new SexComparison(references.Sex, listings.Sex),
            new BirthPlaceComparison(
                    references.BirthPlace, listings.ByMemoValue(listings.BirthPlace, PreparedPeople.BirthPlaceMemo, values.BirthPlace.Count + 1),
                    references.BirthPlaceText, listings.BirthPlaceText)
                .MemoizedBy(listings.MemoValueIds, PreparedPeople.BirthPlaceMemo, values.BirthPlace.Count + 1),
        ];
        return all.ToDictionary(c => c.Name);
    }
}
