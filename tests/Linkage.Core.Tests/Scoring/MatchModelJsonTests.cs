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
    [InlineData("""{"format_version": 1, "prior": """, "not a valid model")]
    public void An_unusable_model_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => MatchModelJson.Deserialize(json, "model.json"));
        Assert.StartsWith("model.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
