using System.Text;
using Linkage.Normalization;

namespace Linkage.Ingest;

/// <summary>
/// The one table of header names ingest accepts: each contract column with its English name and the Russian,
/// Ukrainian and common English aliases seen in registers and scraped exports. Headers match after
/// <see cref="Key"/>: case, spaces, underscores, hyphens, dots, apostrophes and ё/е do not matter. Ambiguous headers
/// ("name", which may hold a full name; "код") are left out on purpose: an unmatched column is still shown to
/// reviewers as an extra field, while a wrong match would feed the wrong text to comparison.
/// </summary>
internal static class ColumnAliases
{
    private sealed record Entry(ContractColumn Column, RecordContract Contract, string Name, string[] Aliases);

    private static readonly Entry[] Table =
    [
        new(ContractColumn.Id, RecordContract.References, "record_id",
            ["id", "№", "reference_id", "ref_id", "rec_id", "case_id", "номер", "номер записи", "номер дела", "номер справи",
             "идентификатор", "ідентифікатор"]),
        new(ContractColumn.Id, RecordContract.Listings, "listing_id",
            ["id", "№", "profile_id", "rec_id", "номер", "номер анкеты", "номер анкети", "id анкеты", "id анкети",
             "идентификатор", "ідентифікатор", "код анкеты"]),
        new(ContractColumn.Source, RecordContract.Listings, "source",
            ["site", "источник", "джерело", "сайт", "ресурс"]),
        new(ContractColumn.ScrapedAt, RecordContract.Listings, "scraped_at",
            ["scraped", "scrape_date", "collected_at", "дата сбора", "дата збору", "дата выгрузки", "дата вивантаження",
             "дата парсинга"]),
        new(ContractColumn.Surname, RecordContract.Both, "surname",
            ["last_name", "lastname", "family_name", "фамилия", "прізвище", "призвище"]),
        new(ContractColumn.GivenName, RecordContract.Both, "given_name",
            ["first_name", "firstname", "forename", "имя", "ім'я", "імя"]),
        new(ContractColumn.Patronymic, RecordContract.Both, "patronymic",
            ["middle_name", "father_name", "отчество", "по батькові", "по-батькові", "побатькові"]),
        new(ContractColumn.Sex, RecordContract.Both, "sex",
            ["gender", "пол", "стать"]),
        new(ContractColumn.BirthDate, RecordContract.Both, "birth_date",
            ["date_of_birth", "birthdate", "dob", "born", "дата рождения", "дата рожд", "д.р.", "год рождения",
             "дата народження", "рік народження"]),
        new(ContractColumn.BirthPlace, RecordContract.Both, "birth_place",
            ["place_of_birth", "birthplace", "место рождения", "місце народження"]),
        new(ContractColumn.BirthRegion, RecordContract.Both, "birth_region",
            ["region_of_birth", "регион рождения", "область рождения", "регіон народження", "область народження"]),
        new(ContractColumn.PlacementRegion, RecordContract.Listings, "placement_region",
            ["region", "регион", "регион размещения", "регион учета", "субъект", "субъект рф", "регіон",
             "регіон розміщення", "регіон перебування"]),
        new(ContractColumn.SiblingGroup, RecordContract.Both, "sibling_group",
            ["siblings", "sibling_group_id", "family_group", "группа братьев и сестер", "группа братьев и сестёр",
             "братья и сестры", "братья сестры", "група братів і сестер", "група братів та сестер", "брати і сестри",
             "брати та сестри"]),
        new(ContractColumn.Url, RecordContract.Listings, "url",
            ["link", "href", "page", "ссылка", "посилання", "адрес страницы"]),
        new(ContractColumn.Notes, RecordContract.Both, "notes",
            ["note", "comment", "comments", "remarks", "примечание", "примечания", "комментарий", "примітки",
             "примітка", "коментар"]),
    ];

    private static readonly Dictionary<string, ContractColumn> ReferenceKeys = BuildKeys(RecordContract.References);
    private static readonly Dictionary<string, ContractColumn> ListingKeys = BuildKeys(RecordContract.Listings);

    /// <summary>The contract's own name for <paramref name="column"/> (record_id, surname, …).</summary>
    public static string Name(ContractColumn column, RecordContract contract) =>
        Array.Find(Table, e => e.Column == column && (e.Contract & contract) != 0)?.Name
        ?? throw new ArgumentOutOfRangeException(nameof(column), column, $"not a {contract} column");

    /// <summary>The headers accepted for <paramref name="column"/> in <paramref name="contract"/>, its own name first.</summary>
    public static IReadOnlyList<string> Accepted(ContractColumn column, RecordContract contract) =>
        Table.Where(e => e.Column == column && (e.Contract & contract) != 0).SelectMany(e => e.Aliases.Prepend(e.Name)).ToArray();

    /// <summary>The column a header names in <paramref name="contract"/>, if any.</summary>
    public static bool TryFind(string header, RecordContract contract, out ContractColumn column) =>
        (contract == RecordContract.References ? ReferenceKeys : ListingKeys).TryGetValue(Key(header), out column);

    /// <summary>A header reduced to its letters and digits after folding; "Ім’я " and "ІМ'Я" both give "імя".</summary>
    public static string Key(string header)
    {
        var folded = TextNormalizer.Fold(header);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || c == '№')
            {
                key.Append(c);
            }
        }
        return key.ToString();
    }

    /// <summary>Every alias key of one contract; a key claimed by two columns is a table error and throws here.</summary>
    private static Dictionary<string, ContractColumn> BuildKeys(RecordContract contract)
    {
        var keys = new Dictionary<string, ContractColumn>(StringComparer.Ordinal);
        foreach (var entry in Table.Where(e => (e.Contract & contract) != 0))
        {
            foreach (var alias in entry.Aliases.Prepend(entry.Name))
            {
                var key = Key(alias);
                if (keys.TryGetValue(key, out var existing) && existing != entry.Column)
                {
                    throw new InvalidOperationException($"header alias '{alias}' names both {existing} and {entry.Column}");
                }
                keys[key] = entry.Column;
            }
        }
        return keys;
    }
}
