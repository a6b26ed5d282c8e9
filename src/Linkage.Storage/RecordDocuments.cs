using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Linkage.Dates;
using Linkage.Records;

namespace Linkage.Storage;

/// <summary>
/// The stored JSON shape of a record (what reviewers see, extra columns included) and its content hash,
/// which tells a changed listing from a re-scraped identical one (so the scrape time is kept beside the
/// document, not in it). Written field by field into a reused buffer and hashed from its UTF-8 bytes; the text
/// must never change for an unchanged record, or every stored listing would look changed on the next scrape.
/// </summary>
internal static class RecordDocuments
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static (string Document, string Hash) Write(ReferenceRecord record) =>
        Write(writer => WriteFields(writer, "record_id", record.RecordId, record.Person, []));

    public static (string Document, string Hash) Write(ListingRecord listing) =>
        Write(writer => WriteFields(writer, "listing_id", listing.ListingId, listing.Person,
        [
            ("source", listing.Source),
            ("placement_region", listing.PlacementRegion),
            ("url", listing.Url),
        ]));

    private static (string, string) Write(Action<Utf8JsonWriter> fields)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        writer.WriteStartObject();
        fields(writer);
        writer.WriteEndObject();
        writer.Flush();
        var bytes = buffer.WrittenSpan;
        return (Encoding.UTF8.GetString(bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static void WriteFields(
        Utf8JsonWriter writer, string idName, string id, PersonDetails person, ReadOnlySpan<(string Name, string Value)> sideFields)
    {
        writer.WriteString(idName, id);
        writer.WriteString("surname", person.Surname);
        writer.WriteString("given_name", person.GivenName);
        writer.WriteString("patronymic", person.Patronymic);
        writer.WriteString("sex", person.Sex.ToString());
        writer.WriteString("birth_date", person.BirthDateText);
        writer.WriteString("birth_date_parsed", person.BirthDate.ToString());
        writer.WriteString("birth_place", person.BirthPlace);
        writer.WriteString("birth_region", person.BirthRegion);
        writer.WriteString("sibling_group", person.SiblingGroup);
        writer.WriteString("notes", person.Notes);
        foreach (var (name, value) in sideFields)
        {
            writer.WriteString(name, value);
        }
        writer.WriteStartArray("extra");
        foreach (var field in person.ExtraFields)
        {
            WritePair(writer, field.Key, field.Value);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in person.Warnings)
        {
            WritePair(writer, warning.Field, warning.Message);
        }
        writer.WriteEndArray();
    }

    private static void WritePair(Utf8JsonWriter writer, string first, string second)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(first);
        writer.WriteStringValue(second);
        writer.WriteEndArray();
    }

    /// <summary>A stored reference document (its UTF-8 bytes) as a record.</summary>
    public static ReferenceRecord ReadReference(ReadOnlySpan<byte> document)
    {
        var fields = StoredFields.Read(document, "record_id"u8);
        return new ReferenceRecord(fields.Id, fields.Person(observedOn: null));
    }

    /// <summary>A stored listing document (its UTF-8 bytes) as a record; the scrape time is kept beside the document.</summary>
    public static ListingRecord ReadListing(ReadOnlySpan<byte> document, DateTimeOffset? scrapedAt)
    {
        var fields = StoredFields.Read(document, "listing_id"u8);
        return new ListingRecord(fields.Id, fields.Person(scrapedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null))
        {
            Source = fields.Source,
            ScrapedAt = scrapedAt,
            PlacementRegion = fields.PlacementRegion,
            Url = fields.Url,
        };
    }

    /// <summary>
    /// A document's fields, read in one pass over its bytes: a run reads tens of thousands of documents, and a parsed
    /// document tree searched field by field cost as much as reading them. A field that is missing or not a string
    /// reads as empty; an unknown one is skipped.
    /// </summary>
    private sealed class StoredFields
    {
        public string Id = string.Empty;
        public string Source = string.Empty;
        public string PlacementRegion = string.Empty;
        public string Url = string.Empty;
        private string _surname = string.Empty;
        private string _givenName = string.Empty;
        private string _patronymic = string.Empty;
        private string _sex = string.Empty;
        private string _birthDate = string.Empty;
        private string _birthPlace = string.Empty;
        private string _birthRegion = string.Empty;
        private string _siblingGroup = string.Empty;
        private string _notes = string.Empty;
        private List<(string, string)>? _extra;
        private List<(string, string)>? _warnings;

        public static StoredFields Read(ReadOnlySpan<byte> document, ReadOnlySpan<byte> idName)
        {
            var fields = new StoredFields();
            var reader = new Utf8JsonReader(document);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("a stored record is not a JSON object");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("extra"u8))
                {
                    fields._extra = ReadPairs(ref reader);
                }
                else if (reader.ValueTextEquals("warnings"u8))
                {
                    fields._warnings = ReadPairs(ref reader);
                }
                else if (reader.ValueTextEquals(idName))
                {
                    fields.Id = ReadText(ref reader);
                }
                else
                {
                    fields.ReadField(ref reader);
                }
            }
            return fields;
        }

        private void ReadField(ref Utf8JsonReader reader)
        {
            ref string field = ref _notes;
            if (reader.ValueTextEquals("surname"u8)) field = ref _surname;
            else if (reader.ValueTextEquals("given_name"u8)) field = ref _givenName;
            else if (reader.ValueTextEquals("patronymic"u8)) field = ref _patronymic;
            else if (reader.ValueTextEquals("sex"u8)) field = ref _sex;
            else if (reader.ValueTextEquals("birth_date"u8)) field = ref _birthDate;
            else if (reader.ValueTextEquals("birth_place"u8)) field = ref _birthPlace;
            else if (reader.ValueTextEquals("birth_region"u8)) field = ref _birthRegion;
            else if (reader.ValueTextEquals("sibling_group"u8)) field = ref _siblingGroup;
            else if (reader.ValueTextEquals("source"u8)) field = ref Source;
            else if (reader.ValueTextEquals("placement_region"u8)) field = ref PlacementRegion;
            else if (reader.ValueTextEquals("url"u8)) field = ref Url;
            else if (!reader.ValueTextEquals("notes"u8))
            {
                reader.Read();
                reader.Skip();
                return;
            }
            field = ReadText(ref reader);
        }

        /// <summary>The birth date is parsed again from the text kept, as it was read.</summary>
        public PersonDetails Person(DateOnly? observedOn) => new()
        {
            Surname = _surname,
            GivenName = _givenName,
            Patronymic = _patronymic,
            Sex = Enum.TryParse<Sex>(_sex, out var sex) ? sex : Sex.Unknown,
            BirthDateText = _birthDate,
            BirthDate = PartialDate.Parse(_birthDate, observedOn, out _),
            BirthPlace = _birthPlace,
            BirthRegion = _birthRegion,
            SiblingGroup = _siblingGroup,
            Notes = _notes,
            ExtraFields = _extra is null ? [] : [.. _extra.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2))],
            Warnings = _warnings is null ? [] : [.. _warnings.Select(p => new FieldWarning(p.Item1, p.Item2))],
        };

        /// <summary>The property's value when a string; else empty, the value skipped.</summary>
        private static string ReadText(ref Utf8JsonReader reader)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString()!;
            }
            reader.Skip();
            return string.Empty;
        }

        /// <summary>An array of [first, second] string pairs; an item of another shape is skipped.</summary>
        private static List<(string, string)>? ReadPairs(ref Utf8JsonReader reader)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return null;
            }
            var pairs = new List<(string, string)>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }
                string? first = null, second = null;
                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var text = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Null => string.Empty,
                        _ => null,
                    };
                    reader.Skip();
                    if (count == 0)
                    {
                        first = text;
                    }
                    else if (count == 1)
                    {
                        second = text;
                    }
                    count++;
                }
                if (count == 2 && first is not null && second is not null)
                {
                    pairs.Add((first, second));
                }
            }
            return pairs;
        }
    }
}
