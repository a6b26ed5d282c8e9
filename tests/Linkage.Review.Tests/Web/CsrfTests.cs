using System.Net;
using Linkage.Review.Store;
using Linkage.Review.Tests.Infrastructure;

namespace Linkage.Review.Tests.Web;

public class CsrfTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task A_decision_without_the_antiforgery_token_is_rejected_and_not_recorded()
    {
        var key = factory.PairOf("L-1001").Key();
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        var page = await client.Page(ReviewClient.PairUrl(key));

        using var response = await client.Http.PostAsync(new Uri("/pair/decide", UriKind.Relative), ReviewClient.Form(
            ("r", key.ReferenceId), ("l", key.ListingId), ("version", ReviewClient.Version(page)), ("status", "confirmed")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ReviewStatus.Pending, factory.Store.ReadPair(key)!.Status);
    }

    [Fact]
    public async Task A_token_issued_to_another_session_is_rejected()
    {
        var key = factory.PairOf("L-1001").Key();
        var attacker = await ReviewClient.SignIn(factory, ReviewAppFactory.SecondReviewer);
        var attackerPage = await attacker.Page(ReviewClient.PairUrl(key));
        var victim = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);

        using var response = await victim.Http.PostAsync(new Uri("/pair/decide", UriKind.Relative), ReviewClient.Form(
            ("__RequestVerificationToken", ReviewClient.Token(attackerPage)), ("r", key.ReferenceId), ("l", key.ListingId),
            ("version", ReviewClient.Version(attackerPage)), ("status", "rejected")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ReviewStatus.Pending, factory.Store.ReadPair(key)!.Status);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/logout")]
    [InlineData("/admin/users")]
    public async Task Other_forms_also_require_the_token(string url)
    {
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Admin);
        using var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative), ReviewClient.Form(
            ("userName", "x"), ("password", "y")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
