using Linkage.Review.Html;
using Linkage.Review.Store;
using Linkage.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Linkage.Review.Features;

/// <summary>
/// Children assigned to reviewers, from the queue page: progress per reviewer for everyone, and for admins a form
/// that assigns the selected children, or every child in the filtered queue, to a reviewer (or back to no one).
/// </summary>
internal static class QueueAssignment
{
    public const string Selected = "selected";
    public const string Filtered = "filtered";

    // "Every child in the filtered queue" reads at most this many pairs: a bound on one request's work.
    private const int FilteredLimit = 10_000;

    /// <summary>The role (admin) is checked by the route; the store checks it again against the account as it is now.</summary>
    public static IResult Assign(HttpContext context, IReviewStore store, [FromForm] string? assignee, [FromForm] string? scope)
    {
        var filter = QueueFilter.FromForm(context);
        IReadOnlyCollection<string> children = scope switch
        {
            Selected => [.. context.Request.Form["r"].OfType<string>().Distinct(StringComparer.Ordinal)],
            Filtered => [.. store.ReadQueueKeys(filter.ToQuery(0, FilteredLimit)).Select(k => k.ReferenceId).Distinct(StringComparer.Ordinal)],
            _ => [],
        };
        if (children.Count == 0 || assignee is null)
        {
            return Refused(context, "Choose a reviewer (or no one) and select at least one child.");
        }
        var result = store.Assign(children, assignee.Length == 0 ? null : assignee, context.User.Identity!.Name!);
        return result.Status switch
        {
            AssignmentStatus.Saved => TypedResults.Redirect(filter.QueueUrl()),
            AssignmentStatus.Forbidden => TypedResults.Forbid(),
            _ => Refused(context, result.Message),
        };
    }

    public static void RenderProgress(HtmlWriter html, IReadOnlyList<AssigneeProgress> progress)
    {
        if (progress.All(p => p.Assignee is null))
        {
            return;
        }
        html.Add($"""
            <section class="assignees"><h2>Progress by reviewer</h2><table><thead><tr><th>Assigned to</th><th>Children</th>
            <th>Pairs</th><th>Decided</th></tr></thead><tbody>
            """);
        foreach (var row in progress)
        {
            html.Add($"""
                <tr><td>{(row.Assignee is { } name ? HtmlWriter.Fragment($"{name}") : HtmlWriter.Fragment($"<em>no one</em>"))}</td>
                <td class="num">{row.Children}</td><td class="num">{row.Pairs}</td><td class="num">{row.DecidedPairs}</td></tr>
                """);
        }
        html.Add($"</tbody></table></section>");
    }

    public static void RenderForm(HtmlWriter html, HttpContext context, QueueFilter filter, IReadOnlyList<string> reviewers)
    {
        html.Add($"""
            <form method="post" action="/queue/assign" id="assign" class="assign">{Layout.AntiforgeryField(context)}{filter.HiddenFields()}
            <h2>Assign children</h2>
            <label><input type="radio" name="scope" value="{Selected}" checked> the selected children</label>
            <label><input type="radio" name="scope" value="{Filtered}"> every child in this filtered queue</label>
            """);
        QueueEndpoints.Select(html, "assignee", "to", reviewers.Count > 0 ? reviewers[0] : null, [.. reviewers.Select(name => (name, name)), (string.Empty, "no one (unassign)")]);
        html.Add($"""<button type="submit">Assign</button></form>""");
    }

    private static IResult Refused(HttpContext context, string message) =>
        Layout.Page(context, "Assignment refused", HtmlWriter.Fragment($"""
            <h1>Assignment refused</h1><p class="error" role="alert">{message}</p><p><a href="/queue">Back to the queue</a></p>
            """), StatusCodes.Status400BadRequest);
}
