namespace Linkage.Review.Html;

/// <summary>Builds the app's own URLs and vets scraped ones.</summary>
internal static class Links
{
    /// <summary>A query string from name–value pairs, each escaped; empty values are left out.</summary>
    public static string Query(params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        var parts = new List<string>(parameters.Length);
        foreach (var (name, value) in parameters)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
            }
        }
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    /// <summary>
    /// A scraped URL that may become a link: absolute http or https only, so javascript:, data: and relative
    /// tricks stay plain text.
    /// </summary>
    public static bool TryExternal(string? url, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048)
        {
            return false;
        }
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return false;
        }
        uri = parsed;
        return true;
    }
}
