using Linkage.Comparison;
using Linkage.Linking;
using Linkage.Scoring;

namespace Linkage.Tests.Scoring;

public class MatchModelJsonTests
{
    [Fact]
    public void The_default_model_survives_a_json_round_trip_unchanged()
    {
        var model = LinkEngine.DefaultModel;
        var json = MatchModelJson.Serialize(model);
        var back = MatchModelJson.Deserialize(json, "round trip");

        Assert.Equal(json, MatchModelJson.Serialize(back));
        Assert.Equal(model.Prior, back.Prior);
        Assert.Equal(model.Comparisons.Select(c => c.Name), back.Comparisons.Select(c => c.Name));
        Assert.Equal(
            model.Comparisons.SelectMany(c => c.Levels).Select(l => (l.Name, l.M, l.U, l.IsNull)),
            back.Comparisons.SelectMany(c => c.Levels).Select(l => (l.Name, l.M, l.U, l.IsNull)));
        Assert.Equal(model.BlockingRules.Select(r => string.Join('+', r.Keys)), back.BlockingRules.Select(r => string.Join('+', r.Keys)));
    }

    [Theory]
    [InlineData("""{"format_version": 99, "prior": 0.01}""", "format version 99")]
    [InlineData("""{"format_version": 1, "prior": 0}""", "prior must be strictly between 0 and 1")]
    [InlineData("""{"format_version": 1, "prior": 0.1, "thresholds": {"match": 0.5, "review": 0.8}}""", "review threshold is above")]
    [InlineData("""{"format_version": 1, "prior": 0.1, "comparisons": [{"name": "sex", "levels": [{"name": "agree", "m": 0, "u": 0.5}]}]}""", "needs m and u in (0, 1]")]
    [InlineData("""{"format_version": 1, "prior": 0.1, "surprise": true}""", "not a valid model")]
    [InlineData("""{"format_version": 2, "prior": 0.1, "scorer": "random_forest"}""", "unknown scorer 'random_forest'")]
    [InlineData("""{"format_version": 2, "prior": 0.1, "comparisons": [{"name": "pc", "column": "postcode", "levels": [{"name": "exact", "m": 0.9, "u": 0.1}]}]}""", "needs both a column and a kind")]
    [InlineData("""{"format_version": 1, "prior": 0.1, "comparisons": [{"name": "pc", "column": "postcode", "kind": "exact", "levels": [{"name": "exact", "m": 0.9, "u": 0.1}]}]}""", "needs model format version 2")]
    [InlineData("""{"format_version": 1, "prior": 0.1, "comparisons": [{"name": "sex", "levels": [{"name": "agree", "m": 0.9, "u": 0.5, "weight": 1}]}]}""", "level weights and the sibling weight need model format version 2")]
    [InlineData("""{"format_version": 1, "prior": 0.1, "sibling_weight": 3}""", "level weights and the sibling weight need model format version 2")]
    [InlineData("""{"format_version": 2, "prior": 0.1, "scorer": "logistic_regression", "comparisons": [{"name": "sex", "levels": [{"name": "agree", "m": 0.9, "u": 0.5}]}]}""", "needs a finite weight")]
    [InlineData("""{"format_version": 1, "prior": 0.1, "comparisons": [{"name": "surname", "levels": [{"name": "exact", "m": 0.9, "u": 0.1, "tf_adjust": true}]}]}""", "term-frequency adjustment needs model format version 2")]
    [InlineData("""{"format_version": 2, "prior": 0.1, "comparisons": [{"name": "surname", "levels": [{"name": "exact", "m": 0.9, "u": 0.1, "tf_adjust": true, "tf_minimum_u": 0}]}]}""", "needs tf_minimum_u in (0, 1]")]
    [InlineData("""{"format_version": 1, "prior": """, "not a valid model")]
    public void An_unusable_model_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => MatchModelJson.Deserialize(json, "model.json"));
        Assert.StartsWith("model.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_classifier_model_keeps_its_weights_through_a_round_trip_and_scores_with_them()
    {
        var model = LinkEngine.DefaultModel with
        {
            FormatVersion = MatchModel.CurrentFormatVersion,
            Scorer = MatchModel.LogisticRegression,
            Comparisons = LinkEngine.DefaultModel.Comparisons
                .Select((c, i) => c with { Levels = c.Levels.Select((l, j) => l.IsNull ? l : l with { Weight = i + j / 4.0 - 1 }).ToArray() })
                .ToArray(),
        };

        var back = MatchModelJson.Deserialize(MatchModelJson.Serialize(model), "round trip");

        Assert.Equal(MatchModel.LogisticRegression, back.Scorer);
        Assert.Equal(
            model.Comparisons.SelectMany(c => c.Levels).Select(l => l.Weight),
            back.Comparisons.SelectMany(c => c.Levels).Select(l => l.Weight));
        var given = back.Comparisons[0].Levels[1];
        Assert.NotEqual(Math.Log2(given.M / given.U), given.Weight);
        var engine = LinkEngine.Create(back, LinkEngine.Default.Names, LinkEngine.Default.Places);
        var values = new MemoValues();
        var none = PreparedPeople.Prepare([], engine, new KeyInterner(), values, new ParallelOptions());
        var compiled = CompiledModel.Compile(back, ComparisonCatalog.Create(none, none, values));
        Assert.Equal(given.Weight, compiled.LevelWeight(0, 1));
    }

    [Fact]
    public void Term_frequency_settings_survive_a_round_trip_and_are_left_out_where_unset()
    {
        var model = TermFrequencyTests.WithTermFrequencies(LinkEngine.DefaultModel, enabled: true, minimumU: 0.0005);

        var json = MatchModelJson.Serialize(model);
        var back = MatchModelJson.Deserialize(json, "round trip");

        Assert.Equal(json, MatchModelJson.Serialize(back));
        Assert.Equal(
            model.Comparisons.SelectMany(c => c.Levels).Select(l => (l.Name, l.TfAdjust, l.TfMinimumU)),
            back.Comparisons.SelectMany(c => c.Levels).Select(l => (l.Name, l.TfAdjust, l.TfMinimumU)));
        Assert.Equal(TermFrequencyTests.AdjustedLevels.Length, back.Comparisons.SelectMany(c => c.Levels).Count(l => l.TfAdjust));
        var plain = MatchModelJson.Serialize(TermFrequencyTests.WithTermFrequencies(LinkEngine.DefaultModel, enabled: false));
        Assert.DoesNotContain("tf_adjust", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("tf_minimum_u", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_document_is_still_read_and_scores_with_log2_m_over_u()
    {
        const string json = """{"format_version": 1, "prior": 0.1, "comparisons": [{"name": "sex", "levels": [{"name": "agree", "m": 0.9, "u": 0.45}]}]}""";

        var model = MatchModelJson.Deserialize(json, "v1");

        Assert.Equal(MatchModel.FellegiSunter, model.Scorer);
        Assert.Null(model.Comparisons[0].Levels[0].Weight);
    }

    [Fact]
    public void Configured_comparisons_and_column_blocking_keys_survive_a_round_trip_and_compile()
    {
        var model = MatchModelJson.Deserialize(ConfiguredModel, "configured");

        var back = MatchModelJson.Deserialize(MatchModelJson.Serialize(model), "round trip");

        Assert.Equal(MatchModelJson.Serialize(model), MatchModelJson.Serialize(back));
        var postcode = back.Comparisons.Single(c => c.Name == "postcode");
        Assert.Equal(("postcode", "edit_distance"), (postcode.Column, postcode.Kind));
        Assert.Equal([1.0], postcode.Thresholds);
        var engine = LinkEngine.Create(back, LinkEngine.Default.Names, LinkEngine.Default.Places);
        var people = new[] { new Linkage.Records.ReferenceRecord("r", new Linkage.Records.PersonDetails { ExtraFields = [new("postcode", "2600")] }) };
        var listings = new[]
        {
            new Linkage.Records.ListingRecord("same", new Linkage.Records.PersonDetails { ExtraFields = [new("Postcode", " 2600")] }),
            new Linkage.Records.ListingRecord("near", new Linkage.Records.PersonDetails { ExtraFields = [new("Postcode", "2601")] }),
        };
        var result = Linker.Link(people, listings, engine);
        var match = Assert.Single(result.Matches);
        Assert.Equal("same", match.ListingId);
        Assert.Equal("exact", match.Evidence.Single(e => e.Comparison == "postcode").Level);
        Assert.Equal(["postcode"], match.BlockingRules);
    }

    private const string ConfiguredModel = """
        {
          "format_version": 2,
          "name": "configured",
          "prior": 0.01,
          "comparisons": [
            {
              "name": "postcode",
              "column": "postcode",
              "kind": "edit_distance",
              "thresholds": [1],
              "levels": [
                { "name": "exact", "m": 0.8, "u": 0.01 },
                { "name": "within_1_edits", "m": 0.15, "u": 0.05 },
                { "name": "disagree", "m": 0.05, "u": 0.94 },
                { "name": "missing", "m": 1, "u": 1, "is_null": true }
              ]
            },
            {
              "name": "sex",
              "levels": [
                { "name": "agree", "m": 0.97, "u": 0.5 },
                { "name": "disagree", "m": 0.03, "u": 0.5 },
                { "name": "missing", "m": 1, "u": 1, "is_null": true }
              ]
            }
          ],
          "blocking_rules": [ { "name": "postcode", "keys": [ "column:postcode" ] } ]
        }
        """;
}
