using Linkage.Review.Store;
using Linkage.Review.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Linkage.Review.Tests.Browser;

public class BrowserTests
{
    /// <summary>Where the pair-page screenshot goes; LINKAGE_SCREENSHOTS overrides the test output folder.</summary>
    private static readonly string Screenshots =
        Environment.GetEnvironmentVariable("LINKAGE_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task A_reviewer_decides_three_pairs_by_keyboard_and_finds_them_decided_after_reload()
    {
        await using var server = await ReviewServer.Start();
        var page = await server.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // CI runs the test projects side by side on two cores; a page can take longer than Playwright's 30 s default.
        page.SetDefaultTimeout(120_000);
        var scriptErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                scriptErrors.Add(message.Text + " at " + message.Location);
            }
        };

        await page.GotoAsync(server.BaseUrl + "/queue");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=userName]", ReviewAppFactory.Reviewer);
        await page.FillAsync("input[name=password]", ReviewAppFactory.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/queue", StringComparison.Ordinal));
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "queue-page.png"), FullPage = true });

        await page.ClickAsync("table.queue tbody tr:first-child a");
        await page.WaitForSelectorAsync("#decide");
        // The shortcuts come from a deferred script: a key pressed before the page's load event can meet no handler.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var decided = new List<(string Url, string Status)>();
        foreach (var (key, status) in new[] { ("y", ReviewStatus.Confirmed), ("n", ReviewStatus.Rejected), ("u", ReviewStatus.Unsure) })
        {
            var before = page.Url;
            Assert.Equal(ReviewStatus.Pending, await page.TextContentAsync("#status"));
            await page.Keyboard.PressAsync(key);
            await page.WaitForURLAsync(url => url != before);
            decided.Add((before, status));
        }

        // j and k follow the queue's order; typing in the note must not trigger a shortcut.
        var next = await page.GetAttributeAsync("#next", "href");
        await page.Keyboard.PressAsync("j");
        await page.WaitForURLAsync(url => url.EndsWith(next!, StringComparison.Ordinal));
        await page.FillAsync("textarea[name=note]", "y n u j k");
        Assert.EndsWith(next!, page.Url, StringComparison.Ordinal);

        foreach (var (url, status) in decided)
        {
            await page.GotoAsync(url);
            await page.ReloadAsync();
            Assert.Equal(status, await page.TextContentAsync("#status"));
        }
        Assert.Equal(3, server.Store.CountByStatus().Where(c => c.Key != ReviewStatus.Pending).Sum(c => c.Value));

        await page.GotoAsync(decided[0].Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "pair-page.png"), FullPage = true });
        await page.GotoAsync(server.BaseUrl + "/summary");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "summary-page.png"), FullPage = true });
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
    }

    [BrowserFact]
    public async Task An_investigator_uploads_listings_and_watches_the_link_job_finish()
    {
        await using var server = await ReviewServer.Start();
        var page = await server.Browser.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(server.BaseUrl + "/upload");
        await page.FillAsync("input[name=userName]", ReviewAppFactory.Investigator);
        await page.FillAsync("input[name=password]", ReviewAppFactory.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/upload", StringComparison.Ordinal));

        await page.SetInputFilesAsync("input[type=file]", new FilePayload
        {
            Name = "listings.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(
                "listing_id,source,scraped_at,surname,given_name,sex,birth_date,placement_region\n" +
                "L-2001,upload-site,2024-05-02,Шевчук,София,ж,2013-05-05,Тульская область\n" +
                ",upload-site,2024-05-02,Nobody,,ж,2013,\n"),
        });
        await page.ClickAsync("form[action='/upload'] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/jobs/", StringComparison.Ordinal));

        // The page polls the job and reloads itself when it is done.
        await page.WaitForSelectorAsync("#job-status:text('completed')", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("1 rejected", await page.TextContentAsync("main"), StringComparison.Ordinal);
        Assert.NotNull(server.Store.ReadPair(new PairKey("UA-0005", "L-2001")));
    }
}
