using System.Globalization;
using System.Text.RegularExpressions;
using Linkage.Review.Tests.Infrastructure;

namespace Linkage.Review.Tests.Web;

public partial class QueueTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task Filters_narrow_the_queue_to_a_source_and_a_score_band()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);

        var regional = Listings(await client.Page("/queue?status=all&source=regional-site"));
        Assert.Equal(
            factory.Pairs.Where(p => p.ListingId is "L-1002" or "L-1003").Select(p => p.ListingId).Order(StringComparer.Ordinal),
            regional.Order(StringComparer.Ordinal));

        // A band around the middle of the fixture's own scores, so it holds some pairs and leaves others out
        // whatever model scored them.
        var scores = factory.Pairs.Select(p => p.MatchProbability).Order().ToArray();
        var (low, high) = (Math.Floor(scores[scores.Length / 4] * 100) / 100, Math.Ceiling(scores[scores.Length * 3 / 4] * 100) / 100);
        var band = Listings(await client.Page(string.Create(CultureInfo.InvariantCulture, $"/queue?status=all&band={low:0.00}-{high:0.00}")));
        var expected = factory.Pairs.Where(p => p.MatchProbability >= low && p.MatchProbability <= high).Select(p => p.ListingId).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), band.Order(StringComparer.Ordinal));
        Assert.NotEmpty(band);
        Assert.True(band.Count < factory.Pairs.Count, "the band should leave some pairs out");
    }

    [Fact]
    public async Task Uncertainty_order_puts_the_pair_nearest_one_half_first()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var listings = Listings(await client.Page("/queue?status=all&order=uncertainty"));
        var nearest = factory.Pairs.MinBy(p => Math.Abs(p.MatchProbability - 0.5))!;
        Assert.Equal(nearest.ListingId, listings[0]);
        Assert.Equal(factory.Pairs.Count, listings.Count);
    }

    /// <summary>The listing ids of the queue rows, in page order.</summary>
    private static List<string> Listings(string page) =>
        [.. PairLink().Matches(page).Select(m => Uri.UnescapeDataString(m.Groups[1].Value))];

    [GeneratedRegex("<tr><td><a href=\"/pair\\?r=[^&]*&amp;l=([^&\"]*)")]
    private static partial Regex PairLink();
}
