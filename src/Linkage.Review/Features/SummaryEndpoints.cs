using System.Globalization;
using Linkage.Review.Html;
using Linkage.Review.Security;
using Linkage.Review.Store;

namespace Linkage.Review.Features;

/// <summary>For researchers: confirmed matches by source, placement region and month, and the queue's progress.</summary>
internal static class SummaryEndpoints
{
    public static void MapSummary(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/summary").RequireAuthorization(Roles.ViewPolicy);
        group.MapGet("", (HttpContext context, IReviewStore store) =>
        {
            var confirmed = store.ReadConfirmed();
            var counts = store.CountByStatus();
            var html = new HtmlWriter();
            html.Add($"<h1>Summary</h1><p>{confirmed.Count} confirmed matches");
            foreach (var status in ReviewStatus.All)
            {
                html.Add($""" · {status} {counts.GetValueOrDefault(status)}""");
            }
            html.Add($"""
                </p><p class="exports">Export confirmed matches: <a href="/export/confirmed.csv">CSV</a> · <a href="/export/confirmed.json">JSON with evidence</a></p>
                <section><h2>By source</h2>{BarChart.Render("by source", Group(confirmed, c => c.Listing.Source))}</section>
                <section><h2>By placement region</h2>{BarChart.Render("by placement region", Group(confirmed, c => c.Listing.PlacementRegion))}</section>
                <section><h2>By month the listing was scraped</h2>{BarChart.Render("by month", Group(confirmed, Month, byLabel: true))}</section>
                """);
            return Layout.Page(context, "Summary", new Markup(html.ToString()));
        });
    }

    private static string Month(ConfirmedPair pair) =>
        pair.Listing.ScrapedAt?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "unknown";

    private static List<(string, int)> Group(IReadOnlyList<ConfirmedPair> pairs, Func<ConfirmedPair, string> key, bool byLabel = false)
    {
        var groups = pairs.GroupBy(p => key(p) is { Length: > 0 } k ? k : "unknown", StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()));
        return byLabel
            ? [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal)]
            : [.. groups.OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }
}
