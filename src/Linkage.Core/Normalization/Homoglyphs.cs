namespace Linkage.Normalization;

/// <summary>Lower-case letters that look the same in Latin and Cyrillic, used to repair mixed-script words.</summary>
internal static class Homoglyphs
{
    // Pairs of (Latin, Cyrillic) look-alikes after lower-casing; і/i is the Ukrainian dotted i.
    private const string Latin = "aceiopxyjkmhtb";
    private const string Cyrillic = "асеіорхујкмнтв";

    public static char ToCyrillic(char c)
    {
        var index = Latin.IndexOf(c, StringComparison.Ordinal);
        return index >= 0 ? Cyrillic[index] : c;
    }

    public static char ToLatin(char c)
    {
        var index = Cyrillic.IndexOf(c, StringComparison.Ordinal);
        return index >= 0 ? Latin[index] : c;
    }
}
