using Linkage.Review.Security;
using Linkage.Review.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Linkage.Review.Tests.Browser;

/// <summary>The real app on Kestrel at a free 127.0.0.1 port, and a headless Chromium pointed at it.</summary>
internal sealed class ReviewServer : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;

    private ReviewServer(WebApplication app, IPlaywright playwright, IBrowser browser, InMemoryReviewStore store)
    {
        _app = app;
        _playwright = playwright;
        Browser = browser;
        Store = store;
        BaseUrl = app.Urls.Single();
    }

    public string BaseUrl { get; }

    public IBrowser Browser { get; }

    public InMemoryReviewStore Store { get; }

    public static async Task<ReviewServer> Start()
    {
        var store = new InMemoryReviewStore();
        TestData.Seed(store);
        store.AddUser(ReviewAppFactory.Reviewer, ReviewAppFactory.Password, Roles.Reviewer, "test");
        var app = ReviewApp.Create(new ReviewOptions { LinkThreads = 1 }, "http://127.0.0.1:0", _ => store);
        await app.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new ReviewServer(app, playwright, browser, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
