using Linkage.Review.Features;
using Linkage.Review.Jobs;
using Linkage.Review.Security;
using Linkage.Review.Store;
using Linkage.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;

namespace Linkage.Review;

/// <summary>
/// The review web app: wiring only. Each feature maps its own endpoints; everything but sign-in and the
/// stylesheet requires a signed-in user, and each feature group names the role it needs.
/// </summary>
public static class ReviewApp
{
    /// <summary>Builds the app on Kestrel, listening on <paramref name="urls"/> (e.g. "http://127.0.0.1:5080").</summary>
    public static WebApplication Create(ReviewOptions options, string urls) =>
        Create(options, urls, _ => StorageReviewStore.Open(options.Database));

    internal static WebApplication Create(ReviewOptions options, string urls, Func<IServiceProvider, IReviewStore> store)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls).ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Request lines carry record ids; framework chatter stays out of the log, only warnings and errors remain.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        AddServices(builder.Services, options, store);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    internal static void AddServices(IServiceCollection services, ReviewOptions options, Func<IServiceProvider, IReviewStore> store)
    {
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddRouting();
        if (options.UploadsWorker == UploadsWorker.InProcess)
        {
            services.AddSingleton(_ => new UploadJobRunner(options.Database, Linkage.Linking.LinkEngine.Default,
                new Linkage.Linking.LinkOptions { MaxCandidatesPerReference = options.CandidatesPerReference, DegreeOfParallelism = options.LinkThreads },
                new UploadRunnerOptions()));
            services.AddHostedService<UploadJobService>();
        }
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.Cookie.Name = "linkage.review";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.ViewPolicy, policy => policy.RequireRole(Roles.Investigator, Roles.Reviewer, Roles.Admin))
            .AddPolicy(Roles.DecidePolicy, policy => policy.RequireRole(Roles.Reviewer, Roles.Admin))
            .AddPolicy(Roles.UploadPolicy, policy => policy.RequireRole(Roles.Investigator, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin));
        // Password guessing meets PBKDF2 per attempt and, beyond that, a per-address budget.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AccountEndpoints.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "linkage.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    internal static void Configure(IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler(error => error.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("Something went wrong; the error was recorded without its details.");
        }));
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapEmbeddedAssets();
            endpoints.MapAccount();
            endpoints.MapQueue();
            endpoints.MapPairs();
            endpoints.MapSummary();
            endpoints.MapExports();
            endpoints.MapUploads();
            endpoints.MapAdmin();
        });
    }
}
