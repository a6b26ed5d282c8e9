using Linkage.Blocking;
using Linkage.Linking;
using Linkage.Names;
using Linkage.Scoring;

namespace Linkage.Tests.Blocking;

/// <summary>Every kind of blocking rule as data: through JSON and back, compiled, and refused when malformed.</summary>
public class BlockingRuleModelTests
{
    private static readonly BlockingRuleModel[] EveryKind =
    [
        new() { Name = "given+year", Keys = ["given_name_key", "birth_year"] },
        new()
        {
            Name = "surname_minhash+year", Kind = BlockingRuleModel.MinHashKind, Keys = ["birth_year"],
            MinHash = new MinHashModel { Field = "surname", Q = 3, Bands = 6, Rows = 2, Seed = 42 },
        },
        new() { Name = "siblings", Kind = BlockingRuleModel.SiblingCrossKind, Via = ["given+year"] },
        new() { Name = "siblings_any", Kind = BlockingRuleModel.SiblingCrossKind },
    ];

    private static MatchModel WithRules(params BlockingRuleModel[] rules) => LinkEngine.DefaultModel with { BlockingRules = rules };

    [Fact]
    public void Every_rule_kind_survives_a_json_round_trip_and_compiles_to_what_it_says()
    {
        var json = MatchModelJson.Serialize(WithRules(EveryKind));
        var back = MatchModelJson.Deserialize(json, "test");

        Assert.Equal(json, MatchModelJson.Serialize(back));
        Assert.Equal(EveryKind.Select(r => (r.Name, r.Kind, string.Join('+', r.Keys), r.MinHash, r.Via is null ? null : string.Join(',', r.Via))),
            back.BlockingRules.Select(r => (r.Name, r.Kind, string.Join('+', r.Keys), r.MinHash, r.Via is null ? null : string.Join(',', r.Via))));
        // A keys rule is written as before: no kind, no minhash, no via.
        Assert.DoesNotContain("\"kind\": \"keys\"", json, StringComparison.Ordinal);

        var rules = LinkEngine.Create(back, LinkEngine.Default.Names, LinkEngine.Default.Places).BlockingRules;
        Assert.Equal([BlockingKeyPart.GivenNameKey, BlockingKeyPart.BirthYear], rules[0].Parts);
        Assert.Null(rules[0].MinHash);
        Assert.Equal([BlockingKeyPart.BirthYear], rules[1].Parts);
        Assert.Equal((NameKind.Surname, 3, 6, 2), (rules[1].MinHash!.Field, rules[1].MinHash!.Q, rules[1].MinHash!.Bands, rules[1].MinHash!.Rows));
        Assert.True(rules[2].IsSiblingCross);
        Assert.Equal(0b01u, rules[2].ViaMask);
        Assert.Equal(0b11u, rules[3].ViaMask);
    }

    [Fact]
    public void The_seed_fixes_the_hash_functions()
    {
        var model = EveryKind[1];
        var same = BlockingRule.FromModel(model).MinHash!;
        var again = BlockingRule.FromModel(model).MinHash!;
        var other = BlockingRule.FromModel(model with { MinHash = model.MinHash! with { Seed = 43 } }).MinHash!;
        var keys = new ulong[3][];
        for (var i = 0; i < 3; i++)
        {
            keys[i] = new ulong[6];
            (i switch { 0 => same, 1 => again, _ => other }).BandKeys("bondarenko", keys[i]);
        }
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { """{ "name": "x", "kind": "soundex", "keys": ["sex"] }""", "unknown kind 'soundex'" },
        { """{ "name": "x", "keys": [] }""", "names no keys" },
        { """{ "name": "x", "kind": "minhash", "keys": ["sex"] }""", "needs \"minhash\"" },
        { """{ "name": "x", "keys": ["sex"], "minhash": { "field": "surname", "bands": 4, "rows": 2 } }""", "takes no \"minhash\"" },
        { """{ "name": "x", "kind": "minhash", "minhash": { "field": "birth_place", "bands": 4, "rows": 2 } }""", "minhash field 'birth_place'" },
        { """{ "name": "x", "kind": "minhash", "minhash": { "field": "surname", "bands": 0, "rows": 2 } }""", "bands in 1..64" },
        { """{ "name": "x", "kind": "sibling_cross", "keys": ["sex"] }""", "takes no \"keys\"" },
        { """{ "name": "x", "kind": "sibling_cross", "via": ["nothing"] }""", "via names no other keys or minhash rule 'nothing'" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_rule_is_refused_with_the_reason(string rule, string reason)
    {
        var json = MatchModelJson.Serialize(WithRules(EveryKind[0])).Replace(
            "\"blocking_rules\": [", "\"blocking_rules\": [ " + rule + ",", StringComparison.Ordinal);
        var model = MatchModelJson.Deserialize(json, "test");

        var error = Assert.Throws<InvalidDataException>(() => LinkEngine.Create(model, LinkEngine.Default.Names, LinkEngine.Default.Places));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sibling_cross_rule_alone_has_nothing_to_open_groups_with()
    {
        var error = Assert.Throws<InvalidDataException>(() => BlockingRule.FromModels([EveryKind[3]]));
        Assert.Contains("needs another rule", error.Message, StringComparison.Ordinal);
    }
}
