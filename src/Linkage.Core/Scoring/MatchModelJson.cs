using System.Text.Json;
using System.Text.Json.Serialization;

namespace Linkage.Scoring;

/// <summary>Reads and writes <see cref="MatchModel"/> as JSON, checking what the schema cannot.</summary>
public static class MatchModelJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize(MatchModel model) => JsonSerializer.Serialize(model, Options);

    /// <exception cref="InvalidDataException">The JSON is malformed or describes an unusable model.</exception>
    public static MatchModel Deserialize(string json, string sourceName)
    {
        MatchModel? model;
        try
        {
            model = JsonSerializer.Deserialize<MatchModel>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}: not a valid model ({ex.Message})", ex);
        }
        if (model is null)
        {
            throw new InvalidDataException($"{sourceName}: empty model");
        }
        Validate(model, sourceName);
        return model;
    }

    public static MatchModel Load(string path) => Deserialize(File.ReadAllText(path), path);

    public static void Save(MatchModel model, string path) => File.WriteAllText(path, Serialize(model) + "\n");

    private static void Validate(MatchModel model, string sourceName)
    {
        if (model.FormatVersion is < MatchModel.OldestFormatVersion or > MatchModel.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"{sourceName}: model format version {model.FormatVersion} is not supported (this build reads {MatchModel.OldestFormatVersion} to {MatchModel.CurrentFormatVersion})");
        }
        if (model.Scorer is not (MatchModel.FellegiSunter or MatchModel.LogisticRegression))
        {
            throw new InvalidDataException(
                $"{sourceName}: unknown scorer '{model.Scorer}' (known: {MatchModel.FellegiSunter}, {MatchModel.LogisticRegression})");
        }
        var hasWeights = model.Comparisons.SelectMany(c => c.Levels).Any(l => l.Weight is not null) || model.SiblingWeight is not null;
        if (hasWeights && model.FormatVersion < 2)
        {
            throw new InvalidDataException($"{sourceName}: level weights and the sibling weight need model format version 2");
        }
        if (model.SiblingWeight is { } siblingWeight && !double.IsFinite(siblingWeight))
        {
            throw new InvalidDataException($"{sourceName}: the sibling weight must be a finite number");
        }
        if (model.Prior is <= 0 or >= 1)
        {
            throw new InvalidDataException($"{sourceName}: prior must be strictly between 0 and 1, got {model.Prior}");
        }
        if (model.Thresholds.Review > model.Thresholds.Match)
        {
            throw new InvalidDataException($"{sourceName}: the review threshold is above the match threshold");
        }
        foreach (var comparison in model.Comparisons)
        {
            if ((comparison.Column is null) != (comparison.Kind is null))
            {
                throw new InvalidDataException($"{sourceName}: comparison '{comparison.Name}' needs both a column and a kind, or neither");
            }
            if (comparison.Column is not null && model.FormatVersion < 2)
            {
                throw new InvalidDataException($"{sourceName}: comparison '{comparison.Name}' configures a column, which needs model format version 2");
            }
            if (comparison.Levels.Count is 0 or > byte.MaxValue)
            {
                throw new InvalidDataException($"{sourceName}: comparison '{comparison.Name}' needs 1 to 255 levels");
            }
            foreach (var level in comparison.Levels.Where(l => !l.IsNull))
            {
                if (level.Weight is { } weight ? !double.IsFinite(weight) : model.Scorer == MatchModel.LogisticRegression)
                {
                    throw new InvalidDataException(
                        $"{sourceName}: comparison '{comparison.Name}' level '{level.Name}' needs a finite weight under scorer '{model.Scorer}'");
                }
                if ((level.TfAdjust || level.TfMinimumU is not null) && model.FormatVersion < 2)
                {
                    throw new InvalidDataException(
                        $"{sourceName}: comparison '{comparison.Name}' level '{level.Name}': term-frequency adjustment needs model format version 2");
                }
                if (level.TfMinimumU is { } minimumU && minimumU is not (> 0 and <= 1))
                {
                    throw new InvalidDataException(
                        $"{sourceName}: comparison '{comparison.Name}' level '{level.Name}' needs tf_minimum_u in (0, 1]");
                }
                if (level.M is <= 0 or > 1 || level.U is <= 0 or > 1)
                {
                    throw new InvalidDataException(
                        $"{sourceName}: comparison '{comparison.Name}' level '{level.Name}' needs m and u in (0, 1]");
                }
            }
        }
    }
}
