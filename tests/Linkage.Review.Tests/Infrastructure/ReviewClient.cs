using System.Net;
using System.Text.RegularExpressions;
using Linkage.Review.Store;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linkage.Review.Tests.Infrastructure;

/// <summary>An HTTP client that signs in like a browser: cookies kept, antiforgery tokens read from the forms.</summary>
internal sealed partial class ReviewClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static HttpClient Anonymous(ReviewAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<ReviewClient> SignIn(ReviewAppFactory factory, string userName)
    {
        var client = new ReviewClient(Anonymous(factory));
        var token = Token(await client.Http.GetStringAsync(new Uri("/login", UriKind.Relative)));
        using var response = await client.Http.PostAsync(new Uri("/login", UriKind.Relative), Form(
            ("__RequestVerificationToken", token), ("userName", userName), ("password", ReviewAppFactory.Password)));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, response.StatusCode + await response.Content.ReadAsStringAsync());
        return client;
    }

    public static string PairUrl(PairKey key) =>
        "/pair?r=" + Uri.EscapeDataString(key.ReferenceId) + "&l=" + Uri.EscapeDataString(key.ListingId);

    public async Task<string> Page(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a decision with the token and version read from the pair page as it was when <paramref name="page"/> was loaded.</summary>
    public Task<HttpResponseMessage> Decide(string page, PairKey key, string status, string note) =>
        Http.PostAsync(new Uri("/pair/decide", UriKind.Relative), Form(
            ("__RequestVerificationToken", Token(page)), ("r", key.ReferenceId), ("l", key.ListingId),
            ("version", Version(page)), ("status", status), ("note", note)));

    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("no antiforgery token on the page");

    public static string Version(string html) => VersionPattern().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("no decision form on the page");

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionPattern();
}
