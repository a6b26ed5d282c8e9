using Linkage.Review.Html;
using Linkage.Review.Security;
using Linkage.Review.Store;
using Microsoft.AspNetCore.Mvc;

namespace Linkage.Review.Features;

/// <summary>Administrators: accounts and the record of runs.</summary>
internal static class AdminEndpoints
{
    private const int MinimumPasswordLength = 12;

    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/users", (HttpContext context, IReviewStore store) => UsersPage(context, store, message: null));
        group.MapPost("/users", (HttpContext context, IReviewStore store,
            [FromForm] string? userName, [FromForm] string? password, [FromForm] string? role) =>
        {
            if (string.IsNullOrWhiteSpace(userName) || userName.Length > 64 || role is null || !Roles.All.Contains(role))
            {
                return UsersPage(context, store, "A user needs a name (up to 64 characters) and a role.", StatusCodes.Status400BadRequest);
            }
            if ((password ?? string.Empty).Length < MinimumPasswordLength)
            {
                return UsersPage(context, store, $"Passwords have at least {MinimumPasswordLength} characters.", StatusCodes.Status400BadRequest);
            }
            return store.AddUser(userName.Trim(), password!, role, context.User.Identity!.Name!)
                ? TypedResults.Redirect("/admin/users")
                : UsersPage(context, store, "That user name is taken.", StatusCodes.Status409Conflict);
        });
        group.MapGet("/runs", (HttpContext context, IReviewStore store) =>
        {
            var html = new HtmlWriter();
            html.Add($"""<h1>Runs</h1><table><thead><tr><th>Run</th><th>Kind</th><th>Status</th><th>Started</th><th>Finished</th><th>Model</th><th>Listings</th><th>Pairs kept</th><th>Error</th></tr></thead><tbody>""");
            foreach (var run in store.ListRuns(200))
            {
                html.Add($"""
                    <tr><td>{run.RunId}</td><td>{run.Kind}</td><td>{run.Status}</td><td>{run.StartedAt}</td>
                    <td>{(run.FinishedAt is { } f ? HtmlWriter.Fragment($"{f}") : default)}</td><td>{run.ModelName}</td>
                    <td>{run.Counts.ListingsRead}</td><td>{run.Counts.PairsKept}</td><td>{run.Error}</td></tr>
                    """);
            }
            html.Add($"</tbody></table>");
            return Layout.Page(context, "Runs", new Markup(html.ToString()));
        });
    }

    private static IResult UsersPage(HttpContext context, IReviewStore store, string? message, int statusCode = StatusCodes.Status200OK)
    {
        var html = new HtmlWriter();
        html.Add($"<h1>Users</h1>");
        if (message is not null)
        {
            html.Add($"""<p class="error" role="alert">{message}</p>""");
        }
        html.Add($"<table><thead><tr><th>User</th><th>Role</th></tr></thead><tbody>");
        foreach (var user in store.ListUsers())
        {
            html.Add($"<tr><td>{user.Name}</td><td>{user.Role}</td></tr>");
        }
        html.Add($"""
            </tbody></table><h2>Add a user</h2><form method="post" action="/admin/users">{Layout.AntiforgeryField(context)}
            <label>User name <input name="userName" required maxlength="64" autocomplete="off"></label>
            <label>Password <input name="password" type="password" required minlength="{MinimumPasswordLength}" autocomplete="new-password"></label>
            """);
        QueueEndpoints.Select(html, "role", "Role", Roles.Reviewer, Roles.All.Select(r => (r, r)));
        html.Add($"""<button type="submit">Add user</button></form>""");
        return Layout.Page(context, "Users", new Markup(html.ToString()), statusCode);
    }
}
