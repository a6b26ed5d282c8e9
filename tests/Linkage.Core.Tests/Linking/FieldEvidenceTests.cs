using System.Text.Json;
using Linkage.Linking;

namespace Linkage.Tests.Linking;

public class FieldEvidenceTests
{
    [Fact]
    public void Evidence_stored_before_term_frequencies_were_kept_apart_reads_with_none()
    {
        const string stored = """[{"Comparison":"given_name","Level":"same_key","Weight":6.1,"Detail":"Соломія ≡ Соломия"}]""";

        var evidence = Assert.Single(JsonSerializer.Deserialize<FieldEvidence[]>(stored)!);

        Assert.Equal(0, evidence.TermFrequency);
        Assert.Equal(6.1, evidence.LevelWeight);
        Assert.DoesNotContain("term frequency", evidence.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adjustment_survives_storage_and_only_the_stored_fields_are_written()
    {
        var evidence = new FieldEvidence("given_name", "same_key", 4.2, "Соломія ≡ Соломия (rare value)", 1.8);

        var json = JsonSerializer.Serialize(evidence);
        var back = JsonSerializer.Deserialize<FieldEvidence>(json);

        Assert.Equal(evidence, back);
        Assert.Equal(2.4, back!.LevelWeight, 12);
        Assert.DoesNotContain("LevelWeight", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary", json, StringComparison.Ordinal);
        Assert.EndsWith("+4.2, of which term frequency +1.8", evidence.Summary, StringComparison.Ordinal);
    }
}
