using System.Net;
using System.Text.RegularExpressions;
using Linkage.Review.Tests.Infrastructure;

namespace Linkage.Review.Tests.Web;

public partial class AssignmentTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task An_admin_assigns_children_and_each_reviewer_sees_their_own_and_the_unassigned()
    {
        var child = factory.PairOf("L-1002").ReferenceId;
        var admin = await ReviewClient.SignIn(factory, ReviewAppFactory.Admin);
        var queue = await admin.Page("/queue?status=all");
        Assert.Contains($"value=\"{child}\" form=\"assign\"", queue, StringComparison.Ordinal);

        using (var response = await Assign(admin, queue, ("scope", "selected"), ("r", child), ("assignee", ReviewAppFactory.Reviewer)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var childPairs = factory.Pairs.Where(p => p.ReferenceId == child).Select(p => p.Key()).ToList();
        Assert.All(childPairs, key => Assert.Equal(ReviewAppFactory.Reviewer, factory.Store.ReadPair(key)!.Assignee));
        Assert.All(factory.Pairs.Where(p => p.ReferenceId != child), p => Assert.Null(factory.Store.ReadPair(p.Key())!.Assignee));

        var rita = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        Assert.Equal(factory.Pairs.Select(p => p.ReferenceId).Distinct().Order(StringComparer.Ordinal),
            Children(await rita.Page("/queue?status=all")).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal([child], Children(await rita.Page("/queue?status=all&assigned=mine")).Distinct());
        var rob = await ReviewClient.SignIn(factory, ReviewAppFactory.SecondReviewer);
        var robsQueue = await rob.Page("/queue?status=all");
        Assert.DoesNotContain(child, Children(robsQueue));
        Assert.NotEmpty(Children(robsQueue));
        Assert.Contains("Progress by reviewer", robsQueue, StringComparison.Ordinal);
        Assert.Contains($"<span id=\"assignee\">{ReviewAppFactory.Reviewer}</span>", await rob.Page(ReviewClient.PairUrl(childPairs[0])), StringComparison.Ordinal);

        // Every child of the filtered queue, across pages: here the regional site's listings, reassigned to rob.
        queue = await admin.Page("/queue?status=all&source=regional-site");
        using (var response = await Assign(admin, queue, ("scope", "filtered"), ("assignee", ReviewAppFactory.SecondReviewer)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var regional = factory.Pairs.Where(p => p.ListingId is "L-1002" or "L-1003").Select(p => p.ReferenceId).ToHashSet();
        Assert.All(factory.Pairs, p => Assert.Equal(regional.Contains(p.ReferenceId) ? ReviewAppFactory.SecondReviewer : null,
            factory.Store.ReadPair(p.Key())!.Assignee));
        Assert.Empty(Children(await rita.Page("/queue?status=all&assigned=mine")));
    }

    [Theory]
    [InlineData(ReviewAppFactory.Reviewer)]
    [InlineData(ReviewAppFactory.Investigator)]
    public async Task Only_admins_may_assign(string user)
    {
        var client = await ReviewClient.SignIn(factory, user);
        var page = await client.Page("/queue?status=all");
        Assert.DoesNotContain("action=\"/queue/assign\"", page, StringComparison.Ordinal);
        var child = factory.PairOf("L-1004");
        using var response = await Assign(client, page, ("scope", "selected"), ("r", child.ReferenceId), ("assignee", user == ReviewAppFactory.Reviewer ? user : ReviewAppFactory.Reviewer));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(factory.Store.ReadPair(child.Key())!.Assignee);
    }

    [Fact]
    public async Task An_assignment_without_the_antiforgery_token_is_rejected()
    {
        var admin = await ReviewClient.SignIn(factory, ReviewAppFactory.Admin);
        var child = factory.PairOf("L-1004");
        using var response = await admin.Http.PostAsync(new Uri("/queue/assign", UriKind.Relative), ReviewClient.Form(
            ("scope", "selected"), ("r", child.ReferenceId), ("assignee", ReviewAppFactory.Reviewer)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(factory.Store.ReadPair(child.Key())!.Assignee);
    }

    [Fact]
    public async Task Assigning_to_someone_who_may_not_review_is_refused()
    {
        var admin = await ReviewClient.SignIn(factory, ReviewAppFactory.Admin);
        var child = factory.PairOf("L-1004");
        using var response = await Assign(admin, await admin.Page("/queue?status=all"),
            ("scope", "selected"), ("r", child.ReferenceId), ("assignee", ReviewAppFactory.Investigator));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(factory.Store.ReadPair(child.Key())!.Assignee);
    }

    private static Task<HttpResponseMessage> Assign(ReviewClient client, string page, params (string Name, string Value)[] fields) =>
        client.Http.PostAsync(new Uri("/queue/assign", UriKind.Relative), ReviewClient.Form(
        [
            ("__RequestVerificationToken", ReviewClient.Token(page)),
            .. HiddenFilter().Matches(page).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))),
            .. fields,
        ]));

    /// <summary>The reference ids of the queue rows, in page order.</summary>
    private static List<string> Children(string page) =>
        [.. PairLink().Matches(page).Select(m => Uri.UnescapeDataString(m.Groups[1].Value))];

    [GeneratedRegex("<a href=\"/pair\\?r=([^&\"]*)&amp;l=")]
    private static partial Regex PairLink();

    [GeneratedRegex("<input type=\"hidden\" name=\"(q\\.[a-z]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenFilter();
}
