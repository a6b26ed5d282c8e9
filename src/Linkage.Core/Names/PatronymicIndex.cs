using Linkage.Normalization;

namespace Linkage.Names;

/// <summary>Every derived and irregular patronymic of the dictionary's male names, mapped to the father's name id.</summary>
internal sealed class PatronymicIndex
{
    // Suffixes stripped from the skeleton of an unknown patronymic to reach the father's name (longest first).
    private static readonly string[] Suffixes = ["iniqna", "ioviq", "ivna", "eviq", "evna", "oviq", "ovna", "iqna", "iq"];

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skeleton = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);

    public PatronymicIndex(IReadOnlyList<GivenNameEntry> entries)
    {
        var irregular = NameCsv.ReadEmbedded("patronymic_irregular.csv")
            .ToDictionary(row => row[0], row => row, StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Sex == Records.Sex.Male))
        {
            irregular.TryGetValue(entry.Id, out var overrides);
            foreach (var feminine in (bool[])[false, true])
            {
                var ukColumn = feminine ? 2 : 1;
                var ruColumn = feminine ? 4 : 3;
                Add(entry.Id, Forms(overrides, ukColumn, entry.Ukrainian, f => PatronymicDerivation.Ukrainian(f, feminine)));
                Add(entry.Id, Forms(overrides, ruColumn, entry.Russian, f => PatronymicDerivation.Russian(f, feminine)));
            }
        }
    }

    public string? Exact(string folded) => _exact.GetValueOrDefault(folded);

    public string? BySkeleton(string skeleton) => _skeleton.GetValueOrDefault(skeleton);

    /// <summary>The father whose derived patronymics have the same stem (Гнатовна → Гнат, Захарьевна → Захар).</summary>
    public string? ByStem(string stem) => _stems.GetValueOrDefault(stem);

    /// <summary>The skeleton of the father's name of an unknown patronymic, or null when no patronymic suffix fits.</summary>
    public static string? StemOf(string skeleton)
    {
        foreach (var suffix in Suffixes)
        {
            if (skeleton.Length > suffix.Length + 1 && skeleton.EndsWith(suffix, StringComparison.Ordinal))
            {
                return skeleton[..^suffix.Length];
            }
        }
        return null;
    }

    private static IEnumerable<string> Forms(string[]? overrides, int column, IReadOnlyList<string> fatherForms, Func<string, IEnumerable<string>> derive) =>
        overrides is not null && overrides[column].Length > 0
            ? NameCsv.Alternatives(overrides[column])
            : fatherForms.SelectMany(derive);

    private void Add(string fatherId, IEnumerable<string> forms)
    {
        foreach (var form in forms)
        {
            var folded = TextNormalizer.Fold(form);
            // First writer wins: the dictionary's file order puts the common names first.
            _exact.TryAdd(folded, fatherId);
            var skeleton = LetterSkeleton.Of(folded);
            _skeleton.TryAdd(skeleton, fatherId);
            if (StemOf(skeleton) is { } stem)
            {
                _stems.TryAdd(stem, fatherId);
            }
        }
    }
}
