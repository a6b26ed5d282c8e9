using System.Text.Json.Serialization;

namespace Linkage.Scoring;

/// <summary>
/// A Fellegi–Sunter model as data: the prior, each comparison's ordered levels with m and u probabilities,
/// the blocking rules and the decision thresholds. Serialized as versioned JSON
/// (schema: data-schemas/model.schema.json) and compiled into a weight table for scoring.
/// </summary>
public sealed record MatchModel
{
    /// <summary>
    /// The JSON format version this code writes. Version 2 added <see cref="Scorer"/>, per-level
    /// <see cref="LevelModel.Weight"/> and the optional term-frequency fields; version 1 documents are still read.
    /// </summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>The oldest format version this code reads.</summary>
    public const int OldestFormatVersion = 1;

    /// <summary>Weights are log2(m/u) of each level (Fellegi–Sunter).</summary>
    public const string FellegiSunter = "fellegi_sunter";

    /// <summary>Weights are a logistic regression's coefficients over the levels, in log2 units.</summary>
    public const string LogisticRegression = "logistic_regression";

    [JsonPropertyName("format_version")]
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>A name for the model and how it came about, shown in runs and reports.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "unnamed";

    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;

    /// <summary>Probability that a reference–listing pair drawn at random is the same child.</summary>
    [JsonPropertyName("prior")]
    public double Prior { get; init; }

    /// <summary>
    /// How level weights were obtained: <see cref="FellegiSunter"/> (from m and u) or <see cref="LogisticRegression"/>
    /// (every non-null level carries its <see cref="LevelModel.Weight"/>, and <see cref="Prior"/> is the
    /// regression's intercept as a probability).
    /// </summary>
    [JsonPropertyName("scorer")]
    public string Scorer { get; init; } = FellegiSunter;

    [JsonPropertyName("thresholds")]
    public DecisionThresholds Thresholds { get; init; } = new();

    /// <summary>
    /// Version 2: the weight (log2 Bayes factor) added to a kept candidate pair when another child of the
    /// reference's sibling group has a candidate at or above the review threshold in the listing's sibling
    /// group: siblings listed together are far stronger evidence than each pair alone. Absent, siblings add nothing.
    /// </summary>
    [JsonPropertyName("sibling_weight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SiblingWeight { get; init; }

    [JsonPropertyName("comparisons")]
    public IReadOnlyList<ComparisonModel> Comparisons { get; init; } = [];

    [JsonPropertyName("blocking_rules")]
    public IReadOnlyList<BlockingRuleModel> BlockingRules { get; init; } = [];
}

/// <summary>Probabilities at or above which a pair is decided <c>match</c> or sent to <c>review</c>.</summary>
public sealed record DecisionThresholds
{
    [JsonPropertyName("match")]
    public double Match { get; init; } = 0.9;

    [JsonPropertyName("review")]
    public double Review { get; init; } = 0.2;
}

/// <summary>
/// One comparison (a field) with its levels, strongest first. Without <see cref="Column"/> it is one of the
/// built-in comparisons of that name; with it, a comparison of that column on both sides of the given
/// <see cref="Kind"/> (format version 2), so another schema links too.
/// </summary>
public sealed record ComparisonModel
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The column both sides are compared on: a contract column's name or an extra column's header.</summary>
    [JsonPropertyName("column")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Column { get; init; }

    /// <summary>How <see cref="Column"/> is compared: exact, jaro_winkler, edit_distance, numeric or date.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    /// <summary>
    /// The level boundaries of <see cref="Kind"/>, strongest first: similarities for jaro_winkler (0.92, 0.85),
    /// edits for edit_distance (1, 2), absolute differences for numeric (1, 5).
    /// </summary>
    [JsonPropertyName("thresholds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? Thresholds { get; init; }

    [JsonPropertyName("levels")]
    public required IReadOnlyList<LevelModel> Levels { get; init; }
}

/// <summary>
/// One level of a comparison. <see cref="M"/> is P(level | same child), <see cref="U"/> is P(level | different
/// children); the weight is log2(m/u). A null level (a value missing on either side) weighs 0.
/// </summary>
public sealed record LevelModel
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("m")]
    public double M { get; init; }

    [JsonPropertyName("u")]
    public double U { get; init; }

    /// <summary>
    /// The level's weight in log2 units when set directly (by a classifier); absent, the weight is log2(m/u).
    /// </summary>
    [JsonPropertyName("weight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Weight { get; init; }

    /// <summary>
    /// Whether the level's weight gets a term-frequency adjustment log2(u / tf): tf is the share of listings
    /// whose value (name key, surname initial) is the listing's, so a common value adds less than a rare one.
    /// Only levels whose comparison names the values that met can be adjusted (name exact, same_key, initial_agrees,
    /// and diminutive and fuzzy levels, where the more common of the two sides' values counts).
    /// </summary>
    [JsonPropertyName("tf_adjust")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TfAdjust { get; init; }

    /// <summary>The least frequency a value counts with in the adjustment, so a rare value's weight stays bounded.</summary>
    [JsonPropertyName("tf_minimum_u")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TfMinimumU { get; init; }

    [JsonPropertyName("is_null")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsNull { get; init; }
}

/// <summary>
/// A blocking rule. Of kind <c>keys</c> (the default), candidate pairs share every listed key; <c>minhash</c>
/// pairs also share a band of a name's MinHash signature; <c>sibling_cross</c> pairs the children of a reference
/// sibling group with those of a listing sibling group once one sibling pair is proposed by a <see cref="Via"/> rule.
/// </summary>
public sealed record BlockingRuleModel
{
    public const string KeysKind = "keys";
    public const string MinHashKind = "minhash";
    public const string SiblingCrossKind = "sibling_cross";

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary><c>keys</c>, <c>minhash</c> or <c>sibling_cross</c>; absent means <c>keys</c>.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    /// <summary>Keys a pair must share: all of a <c>keys</c> rule, those besides the band of a <c>minhash</c> one.</summary>
    [JsonPropertyName("keys")]
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>The banding of a <c>minhash</c> rule.</summary>
    [JsonPropertyName("minhash")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MinHashModel? MinHash { get; init; }

    /// <summary>For <c>sibling_cross</c>: the rules whose sibling pairs open the two groups; absent, every other rule.</summary>
    [JsonPropertyName("via")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Via { get; init; }
}

/// <summary>
/// Locality-sensitive hashing of one name's q-grams: <see cref="Bands"/> bands of <see cref="Rows"/> MinHash values
/// each; two names share a band with probability 1 − (1 − J^rows)^bands for q-gram Jaccard similarity J.
/// </summary>
public sealed record MinHashModel
{
    /// <summary><c>given_name</c>, <c>surname</c> or <c>patronymic</c>: hashed in its cross-script Latin skeleton.</summary>
    [JsonPropertyName("field")]
    public required string Field { get; init; }

    /// <summary>Letters per q-gram (1 to 5); the name is padded with a start and an end mark.</summary>
    [JsonPropertyName("q")]
    public int Q { get; init; } = 2;

    [JsonPropertyName("bands")]
    public required int Bands { get; init; }

    [JsonPropertyName("rows")]
    public required int Rows { get; init; }

    /// <summary>Seeds the hash functions: a rule hashes the same way on every run and machine.</summary>
    [JsonPropertyName("seed")]
    public ulong Seed { get; init; }
}
