using System.Security.Claims;
using Linkage.Review.Html;
using Linkage.Review.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Linkage.Review.Features;

/// <summary>Sign-in and sign-out: the only pages open to anonymous visitors.</summary>
internal static class AccountEndpoints
{
    public const string SignInRateLimit = "sign-in";

    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, string? returnUrl) => LoginPage(context, returnUrl, failed: false))
            .AllowAnonymous();
        app.MapPost("/login", SignIn).AllowAnonymous().RequireRateLimiting(SignInRateLimit);
        app.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            // No form fields are bound here, so the token is checked explicitly: a cross-site page must not sign anyone out.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
    }

    private static async Task<IResult> SignIn(HttpContext context, IReviewStore store,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) ? null : store.VerifyPassword(userName, password);
        if (user is null)
        {
            return LoginPage(context, returnUrl, failed: true);
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name) };
        claims.Add(new Claim(ClaimTypes.Role, user.Role));
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl! : "/queue");
    }

    private static IResult LoginPage(HttpContext context, string? returnUrl, bool failed)
    {
        var body = HtmlWriter.Fragment($"""
            <section class="login"><h1>Sign in</h1>
            {(failed ? HtmlWriter.Fragment($"""<p class="error" role="alert">Unknown user name or wrong password.</p>""") : default)}
            <form method="post" action="/login">{Layout.AntiforgeryField(context)}
            <input type="hidden" name="returnUrl" value="{(IsLocal(returnUrl) ? returnUrl : string.Empty)}">
            <label>User name <input name="userName" autocomplete="username" required autofocus></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button></form></section>
            """);
        return Layout.Page(context, "Sign in", body, failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    /// <summary>Only paths on this site: no scheme, no host, no protocol-relative or backslash tricks.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
