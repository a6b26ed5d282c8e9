using System.Globalization;
using Linkage.Review.Html;
using Linkage.Review.Security;
using Linkage.Review.Store;

namespace Linkage.Review.Features;

/// <summary>The review queue: filters, order, progress, and a page of pairs.</summary>
internal static class QueueEndpoints
{
    private const int PageSize = 50;

    public static void MapQueue(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Roles.ViewPolicy);
        group.MapGet("/", () => TypedResults.Redirect("/queue"));
        group.MapGet("/queue", (HttpContext context, IReviewStore store, int? page) =>
        {
            var filter = QueueFilter.From(context.Request);
            var pageNumber = Math.Max(1, page ?? 1);
            var result = store.ReadQueue(filter.ToQuery((pageNumber - 1) * PageSize, PageSize));
            return Layout.Page(context, "Queue", Render(context, filter, result, pageNumber, store));
        });
        app.MapGroup("/queue").RequireAuthorization(Roles.AdminPolicy).MapPost("/assign", QueueAssignment.Assign);
    }

    private static Markup Render(HttpContext context, QueueFilter filter, QueuePage result, int page, IReviewStore store)
    {
        var html = new HtmlWriter();
        var admin = context.User.IsInRole(Roles.Admin);
        var reviewers = store.ListUsers().Where(u => u.Role is Roles.Reviewer or Roles.Admin).Select(u => u.Name).ToList();
        html.Add($"<h1>Review queue</h1>");
        RenderProgress(html, store.CountByStatus());
        QueueAssignment.RenderProgress(html, store.CountByAssignee());
        RenderFilters(html, filter, store.FilterValues(), reviewers);
        html.Add($"""
            <table class="queue"><thead><tr>{(admin ? new Markup("<th>Select</th>") : default)}<th>Child (reference)</th><th>Listing</th>
            <th>Source</th><th>Placement region</th><th>Rank</th><th>Probability</th><th>Status</th><th>Assigned to</th></tr></thead><tbody>
            """);
        foreach (var item in result.Items)
        {
            html.Add($"""
                <tr>{(admin ? HtmlWriter.Fragment($"""<td><input type="checkbox" name="r" value="{item.Key.ReferenceId}" form="assign" aria-label="select child"></td>""") : default)}<td><a href="{filter.PairUrl(item.Key)}">{item.ReferenceName}</a> <small>{item.Key.ReferenceId}</small></td>
                <td>{item.ListingName} <small>{item.Key.ListingId}</small></td><td>{item.Source}</td><td>{item.PlacementRegion}</td>
                <td>{item.Rank}</td><td>{item.MatchProbability:0.000}</td><td><span class="status {item.Status}">{item.Status}</span>
                {(item.NeedsRereview ? new Markup("""<span class="status rereview">re-review</span>""") : default)}</td>
                <td class="assignee">{item.Assignee ?? "—"}</td></tr>
                """);
        }
        html.Add($"</tbody></table>");
        if (result.Items.Count == 0)
        {
            html.Add($"""<p class="count">No pairs match these filters.</p>""");
        }
        if (admin)
        {
            QueueAssignment.RenderForm(html, context, filter, reviewers);
        }
        if (page > 1 || result.HasMore)
        {
            html.Add($"""<nav class="pages">Page {page}""");
            if (page > 1)
            {
                html.Add($""" <a rel="prev" href="{filter.QueueUrl() + "&page=" + (page - 1).ToString(CultureInfo.InvariantCulture)}">previous</a>""");
            }
            if (result.HasMore)
            {
                html.Add($""" <a rel="next" href="{filter.QueueUrl() + "&page=" + (page + 1).ToString(CultureInfo.InvariantCulture)}">next</a>""");
            }
            html.Add($"</nav>");
        }
        return new Markup(html.ToString());
    }

    private static void RenderProgress(HtmlWriter html, IReadOnlyDictionary<string, int> counts)
    {
        var total = counts.Values.Sum();
        var decided = total - counts.GetValueOrDefault(ReviewStatus.Pending);
        html.Add($"""<section class="progress"><p>{decided} of {total} pairs decided""");
        foreach (var status in ReviewStatus.All)
        {
            html.Add($""" · <span class="status {status}">{status}</span> {counts.GetValueOrDefault(status)}""");
        }
        html.Add($"</p>");
        if (total > 0)
        {
            // A stacked bar drawn as SVG rectangles: no inline style, so the strict CSP holds.
            html.Add($"""<svg class="bar" viewBox="0 0 1000 12" preserveAspectRatio="none" role="img" aria-label="progress">""");
            double x = 0;
            foreach (var status in ReviewStatus.All)
            {
                var width = 1000.0 * counts.GetValueOrDefault(status) / total;
                html.Add($"""<rect class="{status}" x="{x:0.#}" y="0" width="{width:0.#}" height="12"/>""");
                x += width;
            }
            html.Add($"</svg>");
        }
        html.Add($"</section>");
    }

    private static void RenderFilters(HtmlWriter html, QueueFilter filter, (IReadOnlyList<string> Sources, IReadOnlyList<string> Regions) values,
        IReadOnlyList<string> reviewers)
    {
        html.Add($"""<form method="get" action="/queue" class="filters">""");
        Select(html, "status", "Status", filter.Status, [("all", "all"), .. ReviewStatus.All.Select(s => (s, s)), (ReviewStatus.Rereview, "needs re-review")]);
        Select(html, "source", "Source", filter.Source, [(string.Empty, "any"), .. values.Sources.Select(s => (s, s))]);
        Select(html, "region", "Placement region", filter.Region, [(string.Empty, "any"), .. values.Regions.Select(s => (s, s))]);
        Select(html, "band", "Score band", filter.Band, [(string.Empty, "any"), .. QueueFilter.Bands]);
        Select(html, "assigned", "Assigned to", filter.Assigned,
        [
            (QueueFilter.AnyAssignee, "anyone or no one"), (QueueFilter.MineOrUnassigned, "me or no one"), (QueueFilter.Mine, "me"),
            (QueueFilter.Unassigned, "no one"), .. reviewers.Select(name => (QueueFilter.AssignedToPrefix + name, name)),
        ]);
        Select(html, "order", "Order", filter.Order, [.. QueueFilter.Orders]);
        html.Add($"""
            <button type="submit">Apply</button></form>
            """);
    }

    internal static void Select(HtmlWriter html, string name, string label, string? selected, IEnumerable<(string Value, string Label)> options)
    {
        html.Add($"""<label>{label} <select name="{name}">""");
        foreach (var (value, text) in options)
        {
            html.Add($"""<option value="{value}"{(value == (selected ?? string.Empty) ? new Markup(" selected") : default)}>{text}</option>""");
        }
        html.Add($"</select></label>");
    }
}
