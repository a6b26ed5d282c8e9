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

        var band = Listings(await client.Page("/queue?status=all&band=0.5-0.9"));
        Assert.Equal(
            factory.Pairs.Where(p => p.MatchProbability is >= 0.5 and <= 0.9).Select(p => p.ListingId).Order(StringComparer.Ordinal),
            band.Order(StringComparer.Ordinal));
        Assert.NotEmpty(band);
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
