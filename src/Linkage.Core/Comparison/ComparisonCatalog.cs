namespace Linkage.Comparison;

/// <summary>The comparisons this build can compute, by their model-JSON name, over two prepared sides.</summary>
internal static class ComparisonCatalog
{
    public static IReadOnlyDictionary<string, FieldComparison> Create(PreparedPeople references, PreparedPeople listings)
    {
        FieldComparison[] all =
        [
            NameFieldComparison.GivenName(references, listings),
            NameFieldComparison.Surname(references, listings),
            NameFieldComparison.Patronymic(references, listings),
            new BirthDateComparison(references.BirthDate, listings.BirthDate),
            new SexComparison(references.Sex, listings.Sex),
            new BirthPlaceComparison(references.BirthPlace, listings.BirthPlace, references.BirthPlaceText, listings.BirthPlaceText),
        ];
        return all.ToDictionary(c => c.Name);
    }
}
