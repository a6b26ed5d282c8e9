using Linkage.Ingest;
using Linkage.Records;

namespace Linkage.Comparison;

/// <summary>
/// A column's text on one record, by the name a configured comparison gives: a contract column's name
/// (given_name, birth_date …) or any of its aliases (date_of_birth), or an extra column's header, matched the way
/// ingest matches headers.
/// </summary>
internal static class ColumnValues
{
    /// <summary>Longer values are cut: a hostile cell must not make a comparison quadratic in its length.</summary>
    public const int MaxLength = 256;

    public static Func<PersonDetails, string> Reader(string column)
    {
        var key = ColumnAliases.Key(column);
        Func<PersonDetails, string> read = !ColumnAliases.TryFind(column, RecordContract.References, out var contract) ? p => Extra(p, key)
            : contract switch
            {
                ContractColumn.Surname => p => p.Surname,
                ContractColumn.GivenName => p => p.GivenName,
                ContractColumn.Patronymic => p => p.Patronymic,
                ContractColumn.BirthDate => p => p.BirthDateText,
                ContractColumn.BirthPlace => p => p.BirthPlace,
                ContractColumn.BirthRegion => p => p.BirthRegion,
                ContractColumn.SiblingGroup => p => p.SiblingGroup,
                ContractColumn.Notes => p => p.Notes,
                _ => throw new InvalidDataException($"column '{column}' is not a value of a person that can be compared"),
            };
        return p => Cut(read(p));
    }

    private static string Extra(PersonDetails person, string key)
    {
        foreach (var (header, value) in person.ExtraFields)
        {
            if (ColumnAliases.Key(header) == key)
            {
                return value;
            }
        }
        return string.Empty;
    }

    private static string Cut(string value) => value.Length <= MaxLength ? value : value[..MaxLength];
}
