namespace Linkage.Names;

/// <summary>
/// Everything comparison needs from one name, computed once per record. <see cref="Normalized"/> is in one common
/// script: an ASCII Latin sound skeleton (see <see cref="LetterSkeleton"/>), because every Cyrillic spelling maps to
/// Latin deterministically while Latin spellings cannot be mapped back to one Ukrainian or Russian form, and ASCII
/// lets string kernels use a dense 128-entry table.
/// </summary>
public sealed record NameForms
{
    /// <summary>The name as given (trimmed).</summary>
    public required string Display { get; init; }

    /// <summary>Latin sound skeleton for fuzzy string comparison; ж=j ч=q ш=w щ=wq х=x ц=c, vowels і/и/ы/й/y→i.</summary>
    public required string Normalized { get; init; }

    /// <summary>Cross-script key: dictionary id for known names, "~skeleton" for unknown given names and patronymics,
    /// the suffix-rule key for surnames; empty when missing or initial-only.</summary>
    public required string CanonicalKey { get; init; }

    /// <summary>Daitch–Mokotoff-like digit code tolerant of UA/RU/Latin spelling noise; for fuzzy blocking.</summary>
    public required string PhoneticKey { get; init; }

    /// <summary>Cross-script class of the first letter ("G" for Г/Ґ/G/H, "I" for И/І/Ї/Й/Ы/I/Y, "E" for Е/Є/Э/Ye…).</summary>
    public required string InitialKey { get; init; }

    /// <summary>True for "К." or "К": only the initial is known.</summary>
    public bool IsInitialOnly { get; init; }

    /// <summary>Canonical keys of full names this is a known diminutive of (a weaker level than <see cref="CanonicalKey"/>).</summary>
    public IReadOnlyList<string> DiminutiveOf { get; init; } = [];

    /// <summary>Keys of each part of a hyphenated or double name ("Іванова-Петренко"); one element for a simple name.</summary>
    public IReadOnlyList<string> PartKeys { get; init; } = [];

    /// <summary>Why the key was reached, for explanations: "UA↔RU dictionary", "KMU-2010 transliteration", "letter rules"…</summary>
    public required string KeySource { get; init; }

    public bool IsMissing { get; init; }

    /// <summary>The value for an absent name: every key empty.</summary>
    public static NameForms Missing(string? raw) => new()
    {
        Display = raw?.Trim() ?? string.Empty,
        Normalized = string.Empty,
        CanonicalKey = string.Empty,
        PhoneticKey = string.Empty,
        InitialKey = string.Empty,
        KeySource = "missing",
        IsMissing = true,
    };
}
