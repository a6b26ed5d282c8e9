using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linkage.Review.Features;

/// <summary>The stylesheet and script, embedded in the assembly so `linkage serve` needs no files beside it.</summary>
internal static class StaticAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Assets = Load();

    public static void MapEmbeddedAssets(this IEndpointRouteBuilder app)
    {
        // The stylesheet and icon are open so the sign-in page is styled; the script only reaches signed-in users.
        app.MapGet("/static/site.css", () => Serve("site.css")).AllowAnonymous();
        app.MapGet("/static/favicon.svg", () => Serve("favicon.svg")).AllowAnonymous();
        app.MapGet("/static/review.js", () => Serve("review.js"));
    }

    private static FileContentHttpResult Serve(string name)
    {
        var (content, type) = Assets[name];
        return TypedResults.Bytes(content, type);
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        const string prefix = "Linkage.Review.wwwroot.";
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in new[] { "site.css", "review.js", "favicon.svg" })
        {
            using var stream = assembly.GetManifestResourceStream(prefix + name)
                ?? throw new InvalidOperationException($"embedded resource {prefix + name} is missing from this build");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[name] = (copy.ToArray(), Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "text/javascript; charset=utf-8",
            });
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
