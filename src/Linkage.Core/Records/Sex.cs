namespace Linkage.Records;

/// <summary>A child's recorded sex; <see cref="Unknown"/> when the source leaves it blank or unreadable.</summary>
public enum Sex : byte
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

/// <summary>Reads the spellings of sex found in Ukrainian, Russian and Latin-script sources.</summary>
public static class SexParser
{
    private static readonly Dictionary<string, Sex> Spellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["m"] = Sex.Male, ["male"] = Sex.Male, ["man"] = Sex.Male, ["boy"] = Sex.Male,
        ["м"] = Sex.Male, ["м."] = Sex.Male, ["муж"] = Sex.Male, ["муж."] = Sex.Male, ["мужской"] = Sex.Male,
        ["мальчик"] = Sex.Male, ["ч"] = Sex.Male, ["ч."] = Sex.Male, ["чол"] = Sex.Male, ["чол."] = Sex.Male,
        ["чоловіча"] = Sex.Male, ["чоловічий"] = Sex.Male, ["хлопчик"] = Sex.Male,
        ["f"] = Sex.Female, ["female"] = Sex.Female, ["woman"] = Sex.Female, ["girl"] = Sex.Female,
        ["ж"] = Sex.Female, ["ж."] = Sex.Female, ["жен"] = Sex.Female, ["жен."] = Sex.Female, ["женский"] = Sex.Female,
        ["девочка"] = Sex.Female, ["жін"] = Sex.Female, ["жін."] = Sex.Female, ["жіноча"] = Sex.Female,
        ["жіночий"] = Sex.Female, ["дівчинка"] = Sex.Female,
    };

    /// <summary>Parses <paramref name="text"/>; blank text is <see cref="Sex.Unknown"/> and succeeds.</summary>
    /// <returns>false when the text is present but is no known spelling of a sex.</returns>
    public static bool TryParse(string? text, out Sex sex)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            sex = Sex.Unknown;
            return true;
        }
        return Spellings.TryGetValue(trimmed, out sex);
    }
}
