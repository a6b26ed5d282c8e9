using Linkage.Names.Transliteration;
using Linkage.Records;

namespace Linkage.Names;

/// <summary>Everything <c>linkage names explain</c> shows about one name: its forms, keys and how they were reached.</summary>
public sealed record NameExplanation
{
    public required NameKind Kind { get; init; }
    public required Sex Sex { get; init; }
    public required NameForms Forms { get; init; }

    /// <summary>The Cyrillic name under every shipped standard: Ukrainian standards get the Ukrainian form and Russian
    /// standards the Russian form of a dictionary given name; otherwise the input itself. Empty for Latin input.</summary>
    public required IReadOnlyList<(string Scheme, string Form, string Latin)> Transliterations { get; init; }

    /// <summary>Plausible Ukrainian and Russian Cyrillic forms of a Latin input; null for Cyrillic input.</summary>
    public (string Ukrainian, string Russian, string Source)? CyrillicForms { get; init; }

    /// <summary>Dictionary forms sharing the canonical key (for a patronymic: the father's name), if the key is a dictionary id.</summary>
    public (IReadOnlyList<string> Ukrainian, IReadOnlyList<string> Russian, IReadOnlyList<string> Diminutives)? Equivalents { get; init; }

    public static NameExplanation Of(NameKnowledge knowledge, string raw, NameKind kind, Sex sex)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var forms = knowledge.Analyse(raw, kind, sex);
        var isLatin = raw.Any(Normalization.TextNormalizer.IsLatin) && !raw.Any(Normalization.TextNormalizer.IsCyrillic);
        var equivalents = knowledge.Equivalents(forms.CanonicalKey);
        var (ukrainian, russian) = (forms.Display, forms.Display);
        if (kind == NameKind.Given && equivalents is { } entry)
        {
            // The input is one of the two forms; the other standard family gets the other language's form.
            var folded = Normalization.TextNormalizer.Fold(forms.Display);
            bool Contains(IReadOnlyList<string> list) => list.Any(f => Normalization.TextNormalizer.Fold(f) == folded);
            if (!Contains(entry.Ukrainian))
            {
                ukrainian = entry.Ukrainian[0];
            }
            if (!Contains(entry.Russian))
            {
                russian = entry.Russian[0];
            }
        }
        return new NameExplanation
        {
            Kind = kind,
            Sex = sex,
            Forms = forms,
            Transliterations = isLatin || forms.IsMissing
                ? []
                : Transliterator.Schemes
                    .Select(s => s.IsUkrainian ? (s.Name, ukrainian, s.Transliterate(ukrainian)) : (s.Name, russian, s.Transliterate(russian)))
                    .ToArray(),
            CyrillicForms = isLatin ? knowledge.ToCyrillic(raw, kind, sex) : null,
            Equivalents = equivalents,
        };
    }
}
