namespace Linkage.Comparison;

internal static class LevelNaming
{
    /// <summary>The model-JSON names of an enum's levels, in declaration order: SameYearOnly → same_year_only.</summary>
    public static string[] FromEnum<TLevel>() where TLevel : struct, Enum =>
        Enum.GetNames<TLevel>().Select(ToSnakeCase).ToArray();

    public static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
