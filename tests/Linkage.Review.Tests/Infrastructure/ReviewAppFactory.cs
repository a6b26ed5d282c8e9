using Linkage.Linking;
using Linkage.Review.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Linkage.Review.Tests.Infrastructure;

/// <summary>
/// The review app on a test server over a seeded SQLite store of its own, with one account per role.
/// The test assembly stands in as the entry point: the review app is a library hosted by `linkage serve`.
/// </summary>
public class ReviewAppFactory : WebApplicationFactory<ReviewAppFactory>
{
    public const string Password = TestData.Password;
    public const string Investigator = TestData.Investigator;
    public const string SecondInvestigator = TestData.SecondInvestigator;
    public const string Reviewer = TestData.Reviewer;
    public const string SecondReviewer = TestData.SecondReviewer;
    public const string Admin = TestData.Admin;

    private readonly string _database;
    private readonly StorageReviewStore _store;
    private readonly ReviewOptions _options;
    private bool _databaseDeleted;

    // Test clients all share one address, so the sign-in budget is lifted unless a test is about it.
    public ReviewAppFactory()
        : this(new ReviewOptions { LinkThreads = 1, SignInAttemptsPerMinute = 10_000 })
    {
    }

    protected ReviewAppFactory(ReviewOptions options)
    {
        (_database, Pairs) = TestData.CreateDatabase();
        // The upload runner opens the database itself, as the app does outside tests.
        _options = options with { Database = _database };
        _store = StorageReviewStore.Open(_database);
    }

    /// <summary>The database file, for tests that run what another process (a worker) would.</summary>
    internal string Database => _database;

    /// <summary>The store the app uses, for tests to check what was recorded.</summary>
    internal IReviewStore Store => _store;

    internal IReadOnlyList<CandidateMatch> Pairs { get; }

    internal CandidateMatch PairOf(string listingId) =>
        Pairs.Where(p => p.ListingId == listingId).OrderBy(p => p.Rank).FirstOrDefault()
        ?? throw new InvalidOperationException($"the linker kept no pair for {listingId}; the test corpus needs adjusting");

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHost(web => web
            .ConfigureServices(services => ReviewApp.AddServices(services, _options, _ => _store))
            .Configure(ReviewApp.Configure));

    /// <summary>The app serves nothing from disk; its content root is the test output, not a source folder.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection([new(HostDefaults.ContentRootKey, AppContext.BaseDirectory)]));
        return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory's Dispose and DisposeAsync both end here; the database goes once.
        if (disposing && !_databaseDeleted)
        {
            _databaseDeleted = true;
            _store.Dispose();
            TestData.DeleteDatabase(_database);
        }
    }
}
