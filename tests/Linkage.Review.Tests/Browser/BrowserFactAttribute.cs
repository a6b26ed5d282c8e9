namespace Linkage.Review.Tests.Browser;

/// <summary>
/// A test that drives Debian's Chromium. Locally it is skipped when /usr/bin/chromium is absent; on CI
/// (CI=true) it always runs, so a missing browser fails the build instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!onCi && !File.Exists(Chromium))
        {
            Skip = $"{Chromium} is not installed (apt-get install -y chromium); CI=true makes this a failure";
        }
    }
}
