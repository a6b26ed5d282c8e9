using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Linkage.Linking;

namespace Linkage.Storage;

/// <summary>
/// The JSON columns of a candidate pair, written by hand into one reused buffer: no reflection and no intermediate
/// objects per pair, and letters outside ASCII kept as they are (a Cyrillic name costs 2 bytes, not 6 as
/// <c>\uXXXX</c>). Reads back with <see cref="JsonSerializer"/> as <see cref="FieldEvidence"/>[] and string[].
/// One instance per writer thread.
/// </summary>
internal sealed class EvidenceJson : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public EvidenceJson() => _writer = new Utf8JsonWriter(_buffer, Options);

    /// <summary>
    /// <c>[{"Comparison":…,"Level":…,"Weight":…,"Detail":…,"TermFrequency":…},…]</c>, the shape of
    /// <see cref="FieldEvidence"/>; the term-frequency part only when there is one (it reads back as 0).
    /// </summary>
    public string Evidence(IReadOnlyList<FieldEvidence> evidence)
    {
        Start();
        _writer.WriteStartArray();
        foreach (var field in evidence)
        {
            _writer.WriteStartObject();
            _writer.WriteString(nameof(FieldEvidence.Comparison), field.Comparison);
            _writer.WriteString(nameof(FieldEvidence.Level), field.Level);
            _writer.WriteNumber(nameof(FieldEvidence.Weight), field.Weight);
            _writer.WriteString(nameof(FieldEvidence.Detail), field.Detail);
            if (field.TermFrequency != 0)
            {
                _writer.WriteNumber(nameof(FieldEvidence.TermFrequency), field.TermFrequency);
            }
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
        return Finish();
    }

    /// <summary>Each field's weight, in evidence order.</summary>
    public string Weights(IReadOnlyList<FieldEvidence> evidence)
    {
        Start();
        _writer.WriteStartArray();
        foreach (var field in evidence)
        {
            _writer.WriteNumberValue(field.Weight);
        }
        _writer.WriteEndArray();
        return Finish();
    }

    public string Strings(IReadOnlyList<string> values)
    {
        Start();
        _writer.WriteStartArray();
        foreach (var value in values)
        {
            _writer.WriteStringValue(value);
        }
        _writer.WriteEndArray();
        return Finish();
    }

    public void Dispose() => _writer.Dispose();

    private void Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private string Finish()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
