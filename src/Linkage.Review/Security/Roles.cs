namespace Linkage.Review.Security;

/// <summary>The roles of the review app and the policies built from them.</summary>
public static class Roles
{
    /// <summary>Uploads listings and views the queue, pairs and summary.</summary>
    public const string Investigator = "investigator";

    /// <summary>Decides pairs.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Manages users and runs; may do everything.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Investigator, Reviewer, Admin];

    internal const string ViewPolicy = "view";
    internal const string DecidePolicy = "decide";
    internal const string UploadPolicy = "upload";
    internal const string AdminPolicy = "admin";
}
