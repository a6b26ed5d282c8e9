using System.Text;
using Linkage.Records;

namespace Linkage.Synthetic;

/// <summary>
/// How a Russian clerk writes Ukrainian names: the generator's own noise model, deliberately independent of
/// the matcher's dictionaries. Rules are simple on purpose; the imperfect renderings they give (Рудый, Стецьков)
/// are the kind real clerks produce.
/// </summary>
internal static class Russification
{
    /// <summary>How a name is copied when it is not replaced by its Russian form.</summary>
    public enum LetterStyle
    {
        /// <summary>The usual clerk rules: і→и, ї→и, є→е, ґ→г, ій→ей, apostrophe→ь before a vowel (Олійник→Олейник).</summary>
        Clerk,
        /// <summary>As seen: Ukrainian letters swapped for the nearest Russian ones, и kept (Кирило).</summary>
        Visual,
        /// <summary>As heard: Ukrainian и is Russian ы (Мыхайло, Кырыло), apostrophe→ъ.</summary>
        Phonetic,
    }

    private static readonly (string Ukrainian, string Russian)[] MaleEndings =
    [
        ("ський", "ский"), ("цький", "цкий"), ("зький", "зкий"), ("їв", "ев"), ("ів", "ов"),
    ];

    /// <summary>The surname as a Russian clerk writes it for a child of <paramref name="sex"/>.</summary>
    public static string Surname(Surname surname, Sex sex)
    {
        var male = surname.RussianMale ?? MaleSurname(surname.Male);
        if (sex != Sex.Female)
        {
            return male;
        }
        // A surname Ukrainian leaves undeclined (Мельник, Петренко) stays so; one that declines follows Russian grammar.
        if (surname.Female == surname.Male && !surname.Male.EndsWith("ів", StringComparison.Ordinal) && !surname.Male.EndsWith("їв", StringComparison.Ordinal))
        {
            return surname.RussianMale is null ? Letters(surname.Female, LetterStyle.Clerk) : male;
        }
        return FemaleOfRussian(male);
    }

    private static string MaleSurname(string ukrainian)
    {
        foreach (var (ending, russian) in MaleEndings)
        {
            if (ukrainian.EndsWith(ending, StringComparison.Ordinal))
            {
                return Letters(ukrainian[..^ending.Length], LetterStyle.Clerk) + russian;
            }
        }
        if (ukrainian.EndsWith("ий", StringComparison.Ordinal) && ukrainian.Length > 3 && !"гкхжчшщ".Contains(ukrainian[^3]))
        {
            return Letters(ukrainian[..^2], LetterStyle.Clerk) + "ый";
        }
        return Letters(ukrainian, LetterStyle.Clerk);
    }

    private static string FemaleOfRussian(string male)
    {
        foreach (var adjectival in (ReadOnlySpan<string>)["ий", "ый", "ой"])
        {
            if (male.EndsWith(adjectival, StringComparison.Ordinal))
            {
                return male[..^2] + "ая";
            }
        }
        foreach (var possessive in (ReadOnlySpan<string>)["ов", "ев", "ёв", "ин", "ын"])
        {
            if (male.EndsWith(possessive, StringComparison.Ordinal))
            {
                return male + "а";
            }
        }
        return male;
    }

    /// <summary>Copies Ukrainian text into Russian letters in the given <paramref name="style"/>.</summary>
    public static string Letters(string ukrainian, LetterStyle style)
    {
        var builder = new StringBuilder(ukrainian.Length + 2);
        for (var i = 0; i < ukrainian.Length; i++)
        {
            var c = ukrainian[i];
            var lower = char.ToLowerInvariant(c);
            var next = i + 1 < ukrainian.Length ? char.ToLowerInvariant(ukrainian[i + 1]) : '\0';
            var atWordStart = i == 0 || !char.IsLetter(ukrainian[i - 1]);
            var mapped = lower switch
            {
                'і' when style == LetterStyle.Clerk && next == 'й' => "е",
                'і' => "и",
                'ї' when style == LetterStyle.Phonetic && !atWordStart => "йи",
                'ї' => "и",
                'є' => "е",
                'ґ' => "г",
                'и' when style == LetterStyle.Phonetic => "ы",
                '\'' or '’' or 'ʼ' => style switch
                {
                    LetterStyle.Phonetic => "ъ",
                    LetterStyle.Clerk when next is 'я' or 'ю' or 'є' or 'ї' or 'е' => "ь",
                    _ => string.Empty,
                },
                _ => null,
            };
            if (mapped is null)
            {
                builder.Append(c);
            }
            else if (mapped.Length > 0)
            {
                builder.Append(c != lower ? char.ToUpperInvariant(mapped[0]) + mapped[1..] : mapped);
            }
        }
        return builder.ToString();
    }
}
