using Linkage.Review.Store;
using Linkage.Review.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
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

    private readonly string _database;

    private ReviewServer(WebApplication app, IPlaywright playwright, IBrowser browser, string database)
    {
        _app = app;
        _playwright = playwright;
        _database = database;
        Browser = browser;
        BaseUrl = app.Urls.Single();
    }

    public string BaseUrl { get; }

    public IBrowser Browser { get; }

    /// <summary>The app's own store (it owns the connection), for checks after the browser is done.</summary>
    public IReviewStore Store => _app.Services.GetRequiredService<IReviewStore>();

    public static async Task<ReviewServer> Start()
    {
        var (database, _) = TestData.CreateDatabase();
        // The public entry point, as `linkage serve` uses it: the app opens the database itself.
        var app = ReviewApp.Create(new ReviewOptions { Database = database, LinkThreads = 1 }, "http://127.0.0.1:0");
        await app.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new ReviewServer(app, playwright, browser, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        TestData.DeleteDatabase(_database);
    }
}
