using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Linkage.Records;

namespace Linkage.Storage;

/// <summary>
/// The stored JSON shape of a record (what reviewers see, extra columns included) and its content hash,
/// which tells a changed listing from a re-scraped identical one (so the scrape time is kept beside the
/// document, not in it).
/// </summary>
internal static class RecordDocuments
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ReferenceRecord record) =>
        JsonSerializer.Serialize(Document("record_id", record.RecordId, record.Person, []), Options);

    public static string Serialize(ListingRecord listing) =>
        JsonSerializer.Serialize(
            Document("listing_id", listing.ListingId, listing.Person,
            [
                new("source", listing.Source),
                new("placement_region", listing.PlacementRegion),
                new("url", listing.Url),
            ]),
            Options);

    public static string Hash(string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    private static Dictionary<string, object> Document(
        string idName, string id, PersonDetails person, IEnumerable<KeyValuePair<string, string>> sideFields)
    {
        var fields = new Dictionary<string, object>
        {
            [idName] = id,
            ["surname"] = person.Surname,
            ["given_name"] = person.GivenName,
            ["patronymic"] = person.Patronymic,
            ["sex"] = person.Sex.ToString(),
            ["birth_date"] = person.BirthDateText,
            ["birth_date_parsed"] = person.BirthDate.ToString(),
            ["birth_place"] = person.BirthPlace,
            ["birth_region"] = person.BirthRegion,
            ["sibling_group"] = person.SiblingGroup,
            ["notes"] = person.Notes,
        };
        foreach (var (name, value) in sideFields)
        {
            fields[name] = value;
        }
        fields["extra"] = person.ExtraFields.Select(f => new[] { f.Key, f.Value }).ToArray();
        fields["warnings"] = person.Warnings.Select(w => new[] { w.Field, w.Message }).ToArray();
        return fields;
    }
}
