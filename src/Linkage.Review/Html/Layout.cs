using System.Security.Claims;
using Linkage.Review.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace Linkage.Review.Html;

/// <summary>The page frame every screen shares: navigation by role, the signed-in user, sign-out.</summary>
internal static class Layout
{
    public static IResult Page(HttpContext context, string title, Markup body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new HtmlWriter();
        html.Add($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Linkage review</title><link rel="stylesheet" href="/static/site.css"><link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
            """);
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        html.Add($"""{(signedIn ? new Markup("""<script src="/static/review.js" defer></script>""") : default)}</head><body>""");
        if (signedIn)
        {
            html.Add($"""<header><nav><a class="brand" href="/queue">Linkage review</a> <a href="/queue">Queue</a> <a href="/summary">Summary</a>""");
            if (user.IsInRole(Roles.Investigator) || user.IsInRole(Roles.Admin))
            {
                html.Add($""" <a href="/upload">Upload listings</a>""");
            }
            if (user.IsInRole(Roles.Admin))
            {
                html.Add($""" <a href="/admin/users">Users</a> <a href="/admin/runs">Runs</a>""");
            }
            html.Add($"""
                </nav><form method="post" action="/logout" class="signout">{AntiforgeryField(context)}
                <span>{user.Identity!.Name} ({string.Join(", ", user.FindAll(ClaimTypes.Role).Select(c => c.Value))})</span>
                <button type="submit">Sign out</button></form></header>
                """);
        }
        html.Add($"<main>{body}</main></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", statusCode: statusCode);
    }

    public static Markup AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return HtmlWriter.Fragment($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
    }
}
