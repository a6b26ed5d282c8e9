using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Linkage.Linking;
using Linkage.Review.Tests.Infrastructure;
using Linkage.Storage;

namespace Linkage.Review.Tests.Web;

public class UploadTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    internal const string Header = "listing_id,source,scraped_at,surname,given_name,patronymic,sex,birth_date,birth_place,placement_region,url\n";

    [Fact]
    public async Task An_uploaded_listings_file_is_validated_stored_and_linked_in_the_background()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Investigator);
        var csv = Header
            + "L-2001,upload-site,2024-05-02,Шевчук,София,Андреевна,ж,2013-05-05,Мелитополь,Тульская область,https://example.org/L-2001\n"
            + "L-2001,upload-site,2024-05-02,Duplicate,Row,,ж,2013-05-05,,,\n";

        using var response = await Upload(client, csv);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var jobUrl = response.Headers.Location!.OriginalString;
        var progress = await WaitUntilFinished(client, jobUrl);
        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.True(progress.GetProperty("pairsKept").GetInt32() >= 1);

        var job = await client.Page(jobUrl);
        var admin = await ReviewClient.SignIn(factory, ReviewAppFactory.Admin);
        Assert.Contains("1 rejected", await admin.Page(jobUrl), StringComparison.Ordinal);
        var otherInvestigator = await ReviewClient.SignIn(factory, ReviewAppFactory.SecondInvestigator);
        using var hidden = await otherInvestigator.Http.GetAsync(new Uri(jobUrl + "/progress", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("1 rejected", job, StringComparison.Ordinal);
        Assert.Contains("duplicate", job, StringComparison.Ordinal);
        var pair = factory.Store.ReadPair(new Store.PairKey("UA-0005", "L-2001"));
        Assert.NotNull(pair);
        Assert.Equal("Тульская область", pair.Listing.PlacementRegion);
        Assert.Contains(factory.Store.ListRuns(10), run => run.Kind == "upload" && run.Status == "completed");
    }

    [Fact]
    public async Task A_file_without_usable_rows_is_refused_with_its_rejects_shown_encoded()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Investigator);
        var csv = Header + ",upload-site,2024-05-02,<b>x</b>,,,,,,,\n";

        using var response = await Upload(client, csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("no usable row", page, StringComparison.Ordinal);
        Assert.Contains("empty listing_id", page, StringComparison.Ordinal);
        Assert.DoesNotContain("linkage-upload-", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_may_not_upload()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var token = ReviewClient.Token(await client.Page("/queue"));
        using var response = await Upload(client, Header + "L-3001,s,2024-05-02,A,B,,ж,2013,,,\n", token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    internal static async Task<HttpResponseMessage> Upload(ReviewClient client, string csv, string? token = null)
    {
        token ??= ReviewClient.Token(await client.Page("/upload"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "listings.csv");
        return await client.Http.PostAsync(new Uri("/upload", UriKind.Relative), form);
    }

    internal static async Task<JsonElement> Progress(ReviewClient client, string jobUrl)
    {
        using var document = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri(jobUrl + "/progress", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    internal static async Task<JsonElement> WaitUntilFinished(ReviewClient client, string jobUrl)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var progress = await Progress(client, jobUrl);
            if (progress.GetProperty("status").GetString() is "completed" or "failed")
            {
                return progress;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the link job did not finish in 30 s");
    }
}

/// <summary>With <c>--uploads-worker external</c> the app only queues uploads; a worker, here a runner in the test, links them.</summary>
public class ExternalUploadTests(ExternalUploadTests.Factory factory) : IClassFixture<ExternalUploadTests.Factory>
{
    public sealed class Factory() : ReviewAppFactory(new ReviewOptions
    {
        UploadsWorker = UploadsWorker.External,
        LinkThreads = 1,
        SignInAttemptsPerMinute = 10_000,
    });

    [Fact]
    public async Task An_upload_waits_in_the_store_until_a_worker_links_it_and_the_page_shows_the_outcome()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Investigator);
        var csv = UploadTests.Header
            + "L-2101,upload-site,2024-05-02,Шевчук,София,Андреевна,ж,2013-05-05,Мелитополь,Тульская область,https://example.org/L-2101\n";
        using var response = await UploadTests.Upload(client, csv);
        var jobUrl = response.Headers.Location!.OriginalString;

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("queued", (await UploadTests.Progress(client, jobUrl)).GetProperty("status").GetString());
        Assert.Contains("Waiting for a runner", await client.Page(jobUrl), StringComparison.Ordinal);

        using var worker = new UploadJobRunner(factory.Database, LinkEngine.Default, new LinkOptions { DegreeOfParallelism = 1 }, new UploadRunnerOptions());
        var outcome = worker.RunNext(CancellationToken.None);

        Assert.Equal(UploadOutcomeKind.Completed, outcome.Kind);
        var progress = await UploadTests.Progress(client, jobUrl);
        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(outcome.RunId, progress.GetProperty("runId").GetInt64());
        Assert.True(progress.GetProperty("pairsKept").GetInt32() >= 1);
        Assert.Contains($"Recorded as run {outcome.RunId}", await client.Page(jobUrl), StringComparison.Ordinal);
        Assert.NotNull(factory.Store.ReadPair(new Store.PairKey("UA-0005", "L-2101")));
    }
}
