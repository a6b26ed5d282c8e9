namespace Linkage.Storage;

/// <summary>What a user may do: investigators upload and view, reviewers also decide, admins also manage.</summary>
public enum UserRole
{
    Investigator,
    Reviewer,
    Admin,
}

/// <summary>The stored and command-line spellings: <c>investigator</c>, <c>reviewer</c>, <c>admin</c>.</summary>
public static class UserRoleText
{
    public static string ToText(this UserRole role) => role switch
    {
        UserRole.Investigator => "investigator",
        UserRole.Reviewer => "reviewer",
        UserRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };

    public static bool TryParse(string? text, out UserRole role)
    {
        foreach (var candidate in Enum.GetValues<UserRole>())
        {
            if (string.Equals(text?.Trim(), candidate.ToText(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>Reviewers and admins may decide pairs.</summary>
    public static bool MayDecide(this UserRole role) => role is UserRole.Reviewer or UserRole.Admin;
}

/// <summary>A user as stored, without the password hash.</summary>
public sealed record StoredUser(long UserId, string Name, UserRole Role, DateTimeOffset CreatedAt);
