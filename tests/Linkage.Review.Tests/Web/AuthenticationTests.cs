using System.Net;
using Linkage.Review.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Review.Tests.Web;

public class AuthenticationTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    /// <summary>Open to anonymous visitors on purpose: the sign-in form and the stylesheet and icon it uses.</summary>
    private static readonly HashSet<string> Open = ["GET /login", "POST /login", "GET /static/site.css", "GET /static/favicon.svg"];

    [Fact]
    public async Task Every_endpoint_but_sign_in_sends_anonymous_visitors_to_sign_in()
    {
        using var client = ReviewClient.Anonymous(factory);
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} endpoints found");

        var checkedCount = 0;
        foreach (var (method, route) in endpoints.Where(e => !Open.Contains($"{e.Method} {e.Route}")))
        {
            var url = route.Replace("{id:long}", "1", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method == "POST")
            {
                request.Content = ReviewClient.Form(("status", "confirmed"));
            }
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url} answered {response.StatusCode}");
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            checkedCount++;
        }
        Assert.True(checkedCount >= 12);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_a_session()
    {
        using var client = ReviewClient.Anonymous(factory);
        var token = ReviewClient.Token(await client.GetStringAsync(new Uri("/login", UriKind.Relative)));
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), ReviewClient.Form(
            ("__RequestVerificationToken", token), ("userName", ReviewAppFactory.Reviewer), ("password", "not the password")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("wrong password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var queue = await client.GetAsync(new Uri("/queue", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_reviewer_sees_the_queue_with_its_pairs()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var page = await client.Page("/queue?status=all");
        Assert.Contains("Review queue", page, StringComparison.Ordinal);
        Assert.Contains(factory.PairOf("L-1001").ReferenceId, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_budget_are_answered_429()
    {
        using var strict = new StrictSignInFactory();
        using var client = ReviewClient.Anonymous(strict);
        var token = ReviewClient.Token(await client.GetStringAsync(new Uri("/login", UriKind.Relative)));
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < StrictSignInFactory.Budget + 1; attempt++)
        {
            using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), ReviewClient.Form(
                ("__RequestVerificationToken", token), ("userName", ReviewAppFactory.Reviewer), ("password", "guess " + attempt)));
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses.Take(StrictSignInFactory.Budget), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private sealed class StrictSignInFactory() : ReviewAppFactory(new ReviewOptions { SignInAttemptsPerMinute = Budget })
    {
        public const int Budget = 3;
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Sign_in_never_redirects_off_site(string returnUrl)
    {
        using var client = ReviewClient.Anonymous(factory);
        var token = ReviewClient.Token(await client.GetStringAsync(new Uri("/login", UriKind.Relative)));
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), ReviewClient.Form(
            ("__RequestVerificationToken", token), ("userName", ReviewAppFactory.Reviewer), ("password", ReviewAppFactory.Password),
            ("returnUrl", returnUrl)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/queue", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        using var response = await client.Http.GetAsync(new Uri("/queue", UriKind.Relative));
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
