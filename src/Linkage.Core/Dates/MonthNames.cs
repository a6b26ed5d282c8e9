namespace Linkage.Dates;

/// <summary>
/// Month names in Russian, Ukrainian and English, in any case or declension ("марта", "березня", "листопаді",
/// "сент."), recognised by a stem that no other month of the three languages shares.
/// </summary>
internal static class MonthNames
{
    // (stem, month). Russian май has no stem longer than "ма", so its forms are listed whole.
    private static readonly (string Stem, int Month)[] Stems =
    [
        ("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("май", 5), ("мая", 5), ("мае", 5), ("июн", 6), ("июл", 7),
        ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12),
        ("січ", 1), ("лют", 2), ("бер", 3), ("кві", 4), ("тра", 5), ("чер", 6), ("лип", 7), ("сер", 8), ("вер", 9),
        ("жов", 10), ("лис", 11), ("гру", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
        ("oct", 10), ("nov", 11), ("dec", 12),
    ];

    /// <summary>The month a lower-case word names, or 0.</summary>
    public static int Find(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return 0;
        }
        foreach (var (stem, month) in Stems)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal))
            {
                return month;
            }
        }
        return 0;
    }
}
