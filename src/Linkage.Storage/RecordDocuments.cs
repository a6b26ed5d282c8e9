using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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
}
