namespace Linkage.Names;

/// <summary>
/// A Daitch–Mokotoff-like digit code computed from the <see cref="LetterSkeleton"/>, so it already ignores the
/// UA/RU/Latin letter differences; on top it forgives vowels (only an initial vowel is kept, as 0, so
/// Олександр/Александр/Alexander share 085463), voicing pairs and sibilant confusions, as DM does.
/// Classes: vowels 0; b p f v 7; d t 3; s z ж ч ш щ ц 4; g k х 5; l 8; m n 6; r 9. Six digits at most.
/// </summary>
internal static class PhoneticKey
{
    private const int MaxDigits = 6;

    public static string Of(string skeleton)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        var count = 0;
        var previous = '\0';
        for (var i = 0; i < skeleton.Length && count < MaxDigits; i++)
        {
            var code = Code(skeleton[i]);
            if (code == '0')
            {
                if (i == 0)
                {
                    digits[count++] = '0';
                }
                // A vowel separates two equal consonant codes, as in Daitch–Mokotoff.
                previous = '0';
                continue;
            }
            if (code != '\0' && code != previous)
            {
                digits[count++] = code;
            }
            previous = code;
        }
        return new string(digits[..count]);
    }

    private static char Code(char c) => c switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => '0',
        'b' or 'p' or 'f' or 'v' => '7',
        'd' or 't' => '3',
        's' or 'z' or 'j' or 'q' or 'w' or 'c' => '4',
        'g' or 'k' or 'x' => '5',
        'l' => '8',
        'm' or 'n' => '6',
        'r' => '9',
        _ => '\0',
    };
}
