using System.Net;
using Linkage.Review.Store;
using Linkage.Review.Tests.Infrastructure;

namespace Linkage.Review.Tests.Web;

public class RoleTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    [Theory]
    [InlineData(ReviewAppFactory.Investigator, "/queue", HttpStatusCode.OK)]
    [InlineData(ReviewAppFactory.Investigator, "/upload", HttpStatusCode.OK)]
    [InlineData(ReviewAppFactory.Investigator, "/admin/users", HttpStatusCode.Forbidden)]
    [InlineData(ReviewAppFactory.Reviewer, "/summary", HttpStatusCode.OK)]
    [InlineData(ReviewAppFactory.Reviewer, "/upload", HttpStatusCode.Forbidden)]
    [InlineData(ReviewAppFactory.Reviewer, "/admin/runs", HttpStatusCode.Forbidden)]
    [InlineData(ReviewAppFactory.Admin, "/admin/users", HttpStatusCode.OK)]
    [InlineData(ReviewAppFactory.Admin, "/admin/runs", HttpStatusCode.OK)]
    [InlineData(ReviewAppFactory.Admin, "/upload", HttpStatusCode.OK)]
    public async Task Pages_open_only_to_their_roles(string user, string url, HttpStatusCode expected)
    {
        var client = await ReviewClient.SignIn(factory, user);
        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_investigator_sees_no_decision_form_and_cannot_post_a_decision()
    {
        var key = factory.PairOf("L-1002").Key();
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Investigator);
        var page = await client.Page(ReviewClient.PairUrl(key));
        Assert.DoesNotContain("id=\"decide\"", page, StringComparison.Ordinal);

        using var response = await client.Http.PostAsync(new Uri("/pair/decide", UriKind.Relative), ReviewClient.Form(
            ("__RequestVerificationToken", ReviewClient.Token(page)), ("r", key.ReferenceId), ("l", key.ListingId),
            ("version", factory.Store.ReadPair(key)!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("status", "confirmed")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ReviewStatus.Pending, factory.Store.ReadPair(key)!.Status);
    }

    [Fact]
    public async Task An_admin_adds_a_user_who_can_then_sign_in()
    {
        var admin = await ReviewClient.SignIn(factory, ReviewAppFactory.Admin);
        var page = await admin.Page("/admin/users");
        using var response = await admin.Http.PostAsync(new Uri("/admin/users", UriKind.Relative), ReviewClient.Form(
            ("__RequestVerificationToken", ReviewClient.Token(page)), ("userName", "newcomer"), ("password", ReviewAppFactory.Password),
            ("role", "reviewer")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(factory.Store.ListUsers(), u => u.Name == "newcomer" && u.Role == "reviewer");
        await ReviewClient.SignIn(factory, "newcomer");
    }
}
