using Linkage.Linking;
using Linkage.Review.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Linkage.Review.Tests.Infrastructure;

/// <summary>The review app on a test server over a seeded in-memory store, with one account per role.</summary>
// The test assembly stands in as the entry point: the review app is a library hosted by `linkage serve`.
public sealed class ReviewAppFactory : WebApplicationFactory<ReviewAppFactory>
{
    public const string Password = "correct horse battery staple";
    public const string Investigator = "ivy";
    public const string Reviewer = "rita";
    public const string SecondReviewer = "rob";
    public const string Admin = "ada";

    public ReviewAppFactory()
    {
        Pairs = TestData.Seed(Store);
        Store.AddUser(Investigator, Password, Roles.Investigator, "test");
        Store.AddUser(Reviewer, Password, Roles.Reviewer, "test");
        Store.AddUser(SecondReviewer, Password, Roles.Reviewer, "test");
        Store.AddUser(Admin, Password, Roles.Admin, "test");
    }

    internal InMemoryReviewStore Store { get; } = new();

    internal IReadOnlyList<CandidateMatch> Pairs { get; }

    internal CandidateMatch PairOf(string listingId) =>
        Pairs.Where(p => p.ListingId == listingId).OrderBy(p => p.Rank).FirstOrDefault()
        ?? throw new InvalidOperationException($"the linker kept no pair for {listingId}; the test corpus needs adjusting");

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHost(web => web
            .ConfigureServices(services => ReviewApp.AddServices(services, new ReviewOptions { LinkThreads = 1 }, _ => Store))
            .Configure(ReviewApp.Configure));

    /// <summary>The app serves nothing from disk; its content root is the test output, not a source folder.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection([new(HostDefaults.ContentRootKey, AppContext.BaseDirectory)]));
        return base.CreateHost(builder);
    }
}
