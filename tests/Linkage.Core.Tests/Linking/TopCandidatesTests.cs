using Linkage.Linking;

namespace Linkage.Tests.Linking;

public class TopCandidatesTests
{
    [Fact]
    public void Keeps_the_best_by_weight_with_ties_going_to_the_lower_listing_id()
    {
        var random = new Random(7);
        var offers = Enumerable.Range(0, 500).Select(i => (Weight: Math.Round(random.NextDouble() * 10), Listing: i)).ToArray();
        // Ids out of index order: a tie follows the id, not where the listing sits in the session.
        var ids = offers.Select(o => $"L{random.Next(1_000_000):D7}-{o.Listing}").ToArray();
        var top = new TopCandidates(10, ids);
        foreach (var (weight, listing) in offers.OrderBy(_ => random.Next()))
        {
            top.Offer(weight, listing);
        }

        var expected = offers.OrderByDescending(o => o.Weight).ThenBy(o => ids[o.Listing], StringComparer.Ordinal).Take(10).ToArray();
        Assert.Equal(10, top.Count);
        Assert.Equal(expected.Select(e => e.Listing), Enumerable.Range(0, top.Count).Select(r => top[r].Listing));
    }

    [Fact]
    public void Fewer_offers_than_capacity_are_all_kept_in_order()
    {
        var top = new TopCandidates(10, [.. Enumerable.Range(0, 10).Select(i => $"L{i}")]);
        top.Offer(1, 5);
        top.Offer(3, 2);
        top.Offer(2, 9);
        Assert.Equal([2, 9, 5], Enumerable.Range(0, top.Count).Select(r => top[r].Listing));
        Assert.Equal(3, top[0].Weight);
    }
}
