using System.Text.Json;
using System.Text.RegularExpressions;
using Linkage.Blocking;
using Linkage.Comparison;
using Linkage.Linking;
using Linkage.Scoring;

namespace Linkage.Tests.Scoring;

/// <summary>data-schemas/model.md and model.schema.json must agree with what the code reads and builds.</summary>
public partial class ModelDocumentTests
{
    private static readonly string SchemaDirectory = Path.Combine(RepositoryRoot(), "data-schemas");

    [Fact]
    public void The_documented_example_model_loads_and_links()
    {
        var document = File.ReadAllText(Path.Combine(SchemaDirectory, "model.md"));
        var example = JsonBlock().Match(document).Groups[1].Value;

        var model = MatchModelJson.Deserialize(example, "model.md example");

        Assert.NotNull(LinkEngine.Create(model, LinkEngine.Default.Names, LinkEngine.Default.Places));
    }

    [Fact]
    public void The_schema_lists_exactly_the_comparison_kinds_and_blocking_keys_the_code_knows()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaDirectory, "model.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");
        var kinds = defs.GetProperty("comparison").GetProperty("properties").GetProperty("kind").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).Order();
        var keys = defs.GetProperty("blocking_rule").GetProperty("properties").GetProperty("keys").GetProperty("items")
            .GetProperty("anyOf")[0].GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order();

        Assert.Equal(
            new[] { ColumnComparison.Exact, ColumnComparison.JaroWinkler, ColumnComparison.EditDistance, ColumnComparison.Numeric, ColumnComparison.Date }.Order(),
            kinds);
        Assert.Equal(Enum.GetValues<BlockingKeyPart>().Select(p => p.ToSnakeCase()).Order(), keys);
    }

    [Fact]
    public void The_schema_lists_exactly_the_blocking_rule_kinds_the_code_reads()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaDirectory, "model.schema.json")));
        var rule = schema.RootElement.GetProperty("$defs").GetProperty("blocking_rule").GetProperty("properties");
        var kinds = rule.GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order();
        var fields = rule.GetProperty("minhash").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();

        Assert.Equal(new[] { BlockingRuleModel.KeysKind, BlockingRuleModel.MinHashKind, BlockingRuleModel.SiblingCrossKind }.Order(), kinds);
        Assert.Equal(typeof(MinHashModel).GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().Single().Name).Order(), fields);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Linkage.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Linkage.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
