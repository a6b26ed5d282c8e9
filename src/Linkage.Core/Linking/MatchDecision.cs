namespace Linkage.Linking;

/// <summary>What the linker decided for a candidate pair, as written in the matches CSV's <c>decision</c> column.</summary>
public enum MatchDecision : byte
{
    NonMatch = 0,

    /// <summary>Not certain either way: the pair goes to a person.</summary>
    Review = 1,

    Match = 2,
}

/// <summary>The spellings of <see cref="MatchDecision"/> in the matches CSV: <c>match</c>, <c>review</c>, <c>non-match</c>.</summary>
public static class MatchDecisionText
{
    public static string ToText(this MatchDecision decision) => decision switch
    {
        MatchDecision.Match => "match",
        MatchDecision.Review => "review",
        MatchDecision.NonMatch => "non-match",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "not a decision"),
    };

    /// <summary>Reads a contract spelling, ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? text, out MatchDecision decision)
    {
        var value = text.AsSpan().Trim();
        foreach (var candidate in (ReadOnlySpan<MatchDecision>)[MatchDecision.Match, MatchDecision.Review, MatchDecision.NonMatch])
        {
            if (value.Equals(ToText(candidate), StringComparison.OrdinalIgnoreCase))
            {
                decision = candidate;
                return true;
            }
        }
        decision = default;
        return false;
    }
}
