namespace Linkage.Names;

/// <summary>
/// Derives the patronymics of a father's name in Ukrainian and Russian, both sexes, by the orthographic rules
/// (Український правопис 2019; Розенталь): UA -ович/-івна, -ійович/-іївна, -ьович/-івна; RU -ович/-овна,
/// -ьевич/-иевич, -еевич, -аевич, -евич after ь and sibilants, -ич/-ична after -а. Irregular ones
/// (Ілліч/Ильич, Якович/Яковлевич, …) come from Data/Names/patronymic_irregular.csv and replace derived forms.
/// </summary>
internal static class PatronymicDerivation
{
    public static IEnumerable<string> Ukrainian(string father, bool feminine)
    {
        var name = father.ToLowerInvariant();
        if (name.Length < 2)
        {
            yield break;
        }
        var last = name[^1];
        var stem = name[..^1];
        switch (last)
        {
            case 'й':
                // Юрій → Юрійович / Юріївна; Андрій → Андрійович / Андріївна.
                yield return feminine ? stem + "ївна" : name + "ович";
                break;
            case 'ь':
                // Василь → Васильович / Василівна.
                yield return feminine ? stem + "івна" : name + "ович";
                break;
            case 'о' or 'а' or 'я':
                // Петро → Петрович / Петрівна; Сава → Савович / Савівна.
                yield return feminine ? stem + "івна" : stem + "ович";
                break;
            default:
                yield return feminine ? name + "івна" : name + "ович";
                break;
        }
    }

    public static IEnumerable<string> Russian(string father, bool feminine)
    {
        var name = father.ToLowerInvariant().Replace('ё', 'е');
        if (name.Length < 2)
        {
            yield break;
        }
        var suffix = feminine ? "на" : "ич";
        if (name.EndsWith("ий", StringComparison.Ordinal))
        {
            // Юрий → Юрьевич and Юриевич (both in documents); Дмитрий → Дмитриевич.
            var stem = name[..^2];
            yield return stem + "ьев" + suffix;
            yield return stem + "иев" + suffix;
            yield break;
        }
        switch (name[^1])
        {
            case 'й':
                // Сергей → Сергеевич; Николай → Николаевич.
                yield return name[..^1] + "ев" + suffix;
                break;
            case 'ь':
                // Игорь → Игоревич.
                yield return name[..^1] + "ев" + suffix;
                break;
            case 'а' or 'я':
                // Никита → Никитич / Никитична.
                yield return name[..^1] + (feminine ? "ична" : "ич");
                break;
            case 'ж' or 'ш' or 'ч' or 'щ' or 'ц':
                yield return name + "ев" + suffix;
                break;
            default:
                yield return name + "ов" + suffix;
                break;
        }
    }
}
