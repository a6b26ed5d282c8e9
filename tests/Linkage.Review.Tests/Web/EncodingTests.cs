using Linkage.Review.Tests.Infrastructure;

namespace Linkage.Review.Tests.Web;

public class EncodingTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task A_listing_named_with_a_script_tag_is_shown_encoded_on_the_pair_page()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var page = await client.Page(ReviewClient.PairUrl(factory.PairOf("L-1005").Key()));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.Script, page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        // The only scripts on the page are the app's own file.
        Assert.Equal(1, CountOf(page, "<script"));
    }

    [Fact]
    public async Task The_queue_encodes_hostile_names_too()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var page = await client.Page("/queue?status=all");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.Script, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_javascript_url_from_a_listing_is_shown_as_text_never_as_a_link()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var page = await client.Page(ReviewClient.PairUrl(factory.PairOf("L-1003").Key()));
        Assert.Contains("javascript:alert(1)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", page, StringComparison.OrdinalIgnoreCase);

        var safe = await client.Page(ReviewClient.PairUrl(factory.PairOf("L-1002").Key()));
        Assert.Contains("href=\"https://example.org/profiles/L-1002\" rel=\"noopener noreferrer\"", safe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pair_page_shows_extra_columns_evidence_and_siblings()
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var key = factory.PairOf("L-1002").Key();
        var page = await client.Page(ReviewClient.PairUrl(key));

        Assert.Contains("eye_colour", page, StringComparison.Ordinal);
        Assert.Contains("серые", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"waterfall\"", page, StringComparison.Ordinal);
        foreach (var evidence in factory.PairOf("L-1002").Evidence)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(evidence.Comparison), page, StringComparison.Ordinal);
        }
        // Олена (UA-0003) shares the reference sibling group; Елена (L-1003) the listing one.
        Assert.Contains("UA-0003", page, StringComparison.Ordinal);
        Assert.Contains("L-1003", page, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
