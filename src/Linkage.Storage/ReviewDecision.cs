namespace Linkage.Storage;

/// <summary>A person's verdict on a candidate pair (the model's own verdict is a <c>MatchDecision</c>).</summary>
public enum ReviewDecision
{
    Confirmed,
    Rejected,
    Unsure,
}

/// <summary>The stored and command-line spellings: <c>confirmed</c>, <c>rejected</c>, <c>unsure</c>.</summary>
public static class ReviewDecisionText
{
    public static string ToText(this ReviewDecision decision) => decision switch
    {
        ReviewDecision.Confirmed => "confirmed",
        ReviewDecision.Rejected => "rejected",
        ReviewDecision.Unsure => "unsure",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "not a review decision"),
    };

    public static bool TryParse(string? text, out ReviewDecision decision)
    {
        foreach (var candidate in Enum.GetValues<ReviewDecision>())
        {
            if (string.Equals(text?.Trim(), candidate.ToText(), StringComparison.OrdinalIgnoreCase))
            {
                decision = candidate;
                return true;
            }
        }
        decision = default;
        return false;
    }
}
