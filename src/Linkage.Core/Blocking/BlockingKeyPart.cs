namespace Linkage.Blocking;

/// <summary>
/// The record values a blocking rule can require two records to share. Rules name them in the model JSON
/// in snake_case (<c>given_name_key</c>, <c>birth_year</c> …).
/// </summary>
public enum BlockingKeyPart
{
    /// <summary>The cross-script given-name key, and the full names a diminutive stands for.</summary>
    GivenNameKey,
    GivenNamePhonetic,
    SurnameKey,
    SurnamePhonetic,
    /// <summary>The cross-script initial of the surname; meets initial-only surnames.</summary>
    SurnameInitial,
    PatronymicKey,
    BirthYear,
    BirthYearMonth,
    Sex,
    /// <summary>The month of the year without the year: meets a year off by one or mistyped.</summary>
    BirthMonth,
}

internal static class BlockingKeyPartNames
{
    public static string ToSnakeCase(this BlockingKeyPart part) => Comparison.LevelNaming.ToSnakeCase(part.ToString());

    public static BlockingKeyPart Parse(string name)
    {
        foreach (var part in Enum.GetValues<BlockingKeyPart>())
        {
            if (part.ToSnakeCase() == name)
            {
                return part;
            }
        }
        throw new InvalidDataException(
            $"unknown blocking key '{name}'; known keys: {string.Join(", ", Enum.GetValues<BlockingKeyPart>().Select(p => p.ToSnakeCase()))}");
    }
}
