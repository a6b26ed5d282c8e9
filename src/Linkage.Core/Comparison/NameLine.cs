using Linkage.Names;

namespace Linkage.Comparison;

/// <summary>
/// What levelling reads of one name before any string kernel, as integers in 16 bytes: a pair whose level the flags,
/// spellings and keys decide reads one array entry instead of the record's <see cref="NameForms"/> object and its
/// strings, each a cache miss of its own in a random part of the heap. Listings' lines are held by memo value
/// (<see cref="PreparedPeople.ByMemoValue"/>), fewer than listings, so they stay in cache better.
/// </summary>
/// <param name="Spelling">Interned <see cref="NameForms.Normalized"/>: equal ids, equal spellings (0: empty).</param>
/// <param name="Key">Interned <see cref="NameForms.CanonicalKey"/> (0: none).</param>
/// <param name="Initial">Interned <see cref="NameForms.InitialKey"/> where the comparison levels initials (surnames), else 0.</param>
internal readonly record struct NameLine(int Spelling, int Key, int Initial, NameLine.Traits Flags)
{
    [Flags]
    internal enum Traits : byte
    {
        None = 0,
        Missing = 1,
        InitialOnly = 2,
        /// <summary>The name is a known diminutive of at least one full name.</summary>
        HasAlternates = 4,
    }

    public bool IsMissing => (Flags & Traits.Missing) != 0;

    public bool IsInitialOnly => (Flags & Traits.InitialOnly) != 0;

    public bool HasAlternates => (Flags & Traits.HasAlternates) != 0;

    /// <param name="spellings">Interns the spellings of this name field on both sides.</param>
    public static NameLine Of(NameForms forms, int key, int initial, int[] alternates, KeyInterner spellings) =>
        new(spellings.Intern(forms.Normalized), key, initial,
            (forms.IsMissing ? Traits.Missing : 0) | (forms.IsInitialOnly ? Traits.InitialOnly : 0) | (alternates.Length > 0 ? Traits.HasAlternates : 0));
}
