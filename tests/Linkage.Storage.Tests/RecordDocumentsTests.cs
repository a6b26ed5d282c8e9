using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Linkage.Dates;
using Linkage.Records;
using Linkage.Storage;

namespace Linkage.Tests;

/// <summary>
/// Stored documents and their hashes must not change for an unchanged record, or the next scrape would version
/// every stored listing anew: the hand-written document is checked against what the serializer wrote before it.
/// </summary>
public class RecordDocumentsTests
{
    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Hostile = "Кристина \"М.\" \\ </script> \u0000 \t\n 😀 \uD800 Ї'ґ";

    private static PersonDetails Person(string text) => new()
    {
        Surname = text,
        GivenName = "Ганна",
        Patronymic = "",
        Sex = Sex.Female,
        BirthDateText = "03.2014",
        BirthDate = new PartialDate(2014, 3, 0),
        BirthPlace = "Маріуполь",
        BirthRegion = text,
        SiblingGroup = "S-1",
        Notes = text,
        ExtraFields = [new("eye_colour", text), new("hair", "русые")],
        Warnings = [new FieldWarning("birth_date", text)],
    };

    /// <summary>The documents as the store wrote them before: a dictionary through <see cref="JsonSerializer"/>.</summary>
    private static string Reference(string idName, string id, PersonDetails person, params (string, string)[] side)
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
        foreach (var (name, value) in side)
        {
            fields[name] = value;
        }
        fields["extra"] = person.ExtraFields.Select(f => new[] { f.Key, f.Value }).ToArray();
        fields["warnings"] = person.Warnings.Select(w => new[] { w.Field, w.Message }).ToArray();
        return JsonSerializer.Serialize(fields, SerializerOptions);
    }

    [Theory]
    [InlineData("Кристина")]
    [InlineData(Hostile)]
    public void Listing_documents_and_hashes_equal_the_serializer_s(string text)
    {
        var listing = new ListingRecord("L\"1", Person(text)) { Source = "usynovite", PlacementRegion = text, Url = "https://example.org/?a=1&b=<2>" };

        var (document, hash) = RecordDocuments.Write(listing);

        var expected = Reference("listing_id", listing.ListingId, listing.Person,
            ("source", listing.Source), ("placement_region", listing.PlacementRegion), ("url", listing.Url));
        Assert.Equal(expected, document);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), hash);
    }

    [Fact]
    public void Reference_documents_equal_the_serializer_s()
    {
        var reference = new ReferenceRecord("R-1", Person(Hostile));

        Assert.Equal(Reference("record_id", reference.RecordId, reference.Person), RecordDocuments.Write(reference).Document);
    }

    [Theory]
    [InlineData("Кристина")]
    [InlineData(Hostile)]
    public void A_written_document_reads_back_as_the_record(string text)
    {
        var listing = new ListingRecord("L\"1", Person(text)) { Source = "usynovite", PlacementRegion = text, Url = "https://example.org/?a=1&b=<2>" };
        var scrapedAt = new DateTimeOffset(2024, 5, 2, 3, 4, 5, TimeSpan.Zero);
        var reference = new ReferenceRecord("R-1", Person(text) with { BirthDateText = "2013", BirthDate = new PartialDate(2013, 0, 0) });

        var readListing = RecordDocuments.ReadListing(Encoding.UTF8.GetBytes(RecordDocuments.Write(listing).Document), scrapedAt);
        var readReference = RecordDocuments.ReadReference(Encoding.UTF8.GetBytes(RecordDocuments.Write(reference).Document));

        Assert.Equal((listing.ListingId, listing.Source, listing.PlacementRegion, listing.Url, (DateTimeOffset?)scrapedAt),
            (readListing.ListingId, readListing.Source, readListing.PlacementRegion, readListing.Url, readListing.ScrapedAt));
        AssertSamePerson(listing.Person, readListing.Person);
        Assert.Equal(reference.RecordId, readReference.RecordId);
        AssertSamePerson(reference.Person, readReference.Person);
    }

    [Fact]
    public void A_document_read_leniently_takes_what_is_missing_or_malformed_as_empty()
    {
        var document = """
            {"unknown": {"nested": [1, {"surname": "not this one"}]}, "listing_id": "L-2", "surname": 7, "given_name": null,
             "sex": "Female", "birth_date": "2015-06", "source": ["x"],
             "extra": [["eye_colour", "карие"], ["only one"], "not a pair", ["a", 1], ["hair", null], ["x", "y", "z"]],
             "warnings": {"not": "an array"}, "notes": "примітка"}
            """;

        var listing = RecordDocuments.ReadListing(Encoding.UTF8.GetBytes(document), null);

        Assert.Equal(("L-2", "", "", "", ""), (listing.ListingId, listing.Person.Surname, listing.Person.GivenName, listing.Source, listing.Person.BirthPlace));
        Assert.Equal((Sex.Female, new PartialDate(2015, 6, 0), "примітка"), (listing.Person.Sex, listing.Person.BirthDate, listing.Person.Notes));
        Assert.Equal([new("eye_colour", "карие"), new("hair", "")], listing.Person.ExtraFields);
        Assert.Empty(listing.Person.Warnings);
        Assert.Throws<JsonException>(() => RecordDocuments.ReadReference("[\"not an object\"]"u8));
    }

    private static void AssertSamePerson(PersonDetails expected, PersonDetails actual)
    {
        Assert.Equal(expected with { ExtraFields = [], Warnings = [] }, actual with { ExtraFields = [], Warnings = [] });
        Assert.Equal(expected.ExtraFields, actual.ExtraFields);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }
}
