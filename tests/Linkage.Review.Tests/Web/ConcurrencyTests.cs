using System.Net;
using Linkage.Review.Store;
using Linkage.Review.Tests.Infrastructure;

namespace Linkage.Review.Tests.Web;

public class ConcurrencyTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task The_second_reviewer_of_a_stale_version_gets_a_conflict_and_keeps_their_note()
    {
        var key = factory.PairOf("L-1004").Key();
        var first = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var second = await ReviewClient.SignIn(factory, ReviewAppFactory.SecondReviewer);
        var firstPage = await first.Page(ReviewClient.PairUrl(key));
        var secondPage = await second.Page(ReviewClient.PairUrl(key));

        using var won = await first.Decide(firstPage, key, ReviewStatus.Confirmed, "same child, birth date and place agree");
        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);

        const string note = "photo differs <b>strongly</b>";
        using var lost = await second.Decide(secondPage, key, ReviewStatus.Rejected, note);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var conflict = await lost.Content.ReadAsStringAsync();
        Assert.Contains("Someone decided this pair first", conflict, StringComparison.Ordinal);
        Assert.Contains(ReviewAppFactory.Reviewer, conflict, StringComparison.Ordinal);
        Assert.Contains("photo differs &lt;b&gt;strongly&lt;/b&gt;</textarea>", conflict, StringComparison.Ordinal);

        var stored = factory.Store.ReadPair(key)!;
        Assert.Equal(ReviewStatus.Confirmed, stored.Status);
        Assert.Single(stored.Decisions);

        // The conflict page carries the current version, so resubmitting from it is a deliberate second decision.
        using var retried = await second.Decide(conflict, key, ReviewStatus.Rejected, note);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = factory.Store.ReadPair(key)!;
        Assert.Equal(ReviewStatus.Rejected, after.Status);
        Assert.Equal([ReviewAppFactory.Reviewer, ReviewAppFactory.SecondReviewer], after.Decisions.Select(d => d.Reviewer));
        Assert.Equal(note, after.Decisions[^1].Note);
    }

    [Fact]
    public async Task Deciding_moves_on_to_the_next_pair_of_the_same_filtered_queue()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var queue = factory.Store.ReadQueue(new QueueQuery { Status = ReviewStatus.Pending, Limit = 100 }).Items;
        var key = queue[0].Key;
        var page = await client.Page(ReviewClient.PairUrl(key) + "&status=pending");

        using var response = await client.Decide(page, key, ReviewStatus.Unsure, string.Empty);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Uri.UnescapeDataString(response.Headers.Location!.OriginalString);
        Assert.Contains("r=" + queue[1].Key.ReferenceId, location, StringComparison.Ordinal);
        Assert.Contains("l=" + queue[1].Key.ListingId, location, StringComparison.Ordinal);
    }
}
