using System.Globalization;
using Linkage.Ingest;
using Linkage.Review.Html;
using Linkage.Review.Security;
using Linkage.Review.Store;
using Linkage.Storage;

namespace Linkage.Review.Features;

/// <summary>
/// Investigators upload a listings CSV; it is validated by ingest, then kept in the store as a queued upload job
/// that the app's own runner or a <c>linkage worker</c> links. The job's page reads its progress from the store.
/// </summary>
internal static class UploadEndpoints
{
    private const int RejectsShown = 200;

    public static void MapUploads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Roles.UploadPolicy);
        group.MapGet("/upload", (HttpContext context) => Layout.Page(context, "Upload listings", Form(context, error: null)));
        group.MapPost("/upload", Upload);
        group.MapGet("/jobs/{id:long}", (HttpContext context, IReviewStore store, long id) =>
            Visible(context, store, id) is { } job ? Layout.Page(context, "Link job", JobPage(job)) : TypedResults.NotFound());
        group.MapGet("/jobs/{id:long}/progress", (HttpContext context, IReviewStore store, long id) =>
            Visible(context, store, id) is { } job
                ? TypedResults.Json(new { job.Status, job.Stage, job.Done, job.Total, job.RunId, PairsKept = job.PairsKept ?? 0, job.Error })
                : Results.NotFound());
    }

    private static async Task<IResult> Upload(HttpContext context, IReviewStore store, IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return Layout.Page(context, "Upload listings", Form(context, "Choose a non-empty CSV file."), StatusCodes.Status400BadRequest);
        }
        // Ingest sniffs encoding and delimiter from a file, so the upload is spooled to a private temporary file.
        var path = Path.Combine(Path.GetTempPath(), "linkage-upload-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await file.CopyToAsync(target, context.RequestAborted);
            }
            IngestResult<Records.ListingRecord> ingest;
            try
            {
                ingest = RecordFileReader.ReadListings(path);
            }
            catch (IngestException ex)
            {
                var body = HtmlWriter.Fragment($"""
                    {Form(context, ex.Message.Replace(path, file.FileName, StringComparison.Ordinal))}{Rejects(ex.Rejects)}
                    """);
                return Layout.Page(context, "Upload listings", body, StatusCodes.Status422UnprocessableEntity);
            }
            var content = await File.ReadAllBytesAsync(path, context.RequestAborted);
            var id = store.EnqueueUpload(new UploadRequest(context.User.Identity!.Name!, StoredFileName(file.FileName), content,
                ingest.RowsRead, ingest.Records.Count, ingest.Rejects));
            // The app's own runner, when it has one, starts at once instead of at its next look at the queue.
            context.RequestServices.GetService<UploadJobRunner>()?.Wake();
            return TypedResults.Redirect("/jobs/" + id.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A job is shown to the investigator who uploaded it and to admins; to anyone else it does not exist.</summary>
    private static UploadJob? Visible(HttpContext context, IReviewStore store, long id) =>
        store.FindUpload(id) is { } job && (job.Owner == context.User.Identity!.Name || context.User.IsInRole(Roles.Admin)) ? job : null;

    /// <summary>The browser's name for the file, without folders or control characters (the store refuses NUL).</summary>
    private static string StoredFileName(string name)
    {
        var clean = new string([.. Path.GetFileName(name).Where(c => !char.IsControl(c))]);
        return clean.Length == 0 ? "upload.csv" : clean;
    }

    private static Markup Form(HttpContext context, string? error) => HtmlWriter.Fragment($"""
        <h1>Upload listings</h1>
        {(error is null ? default : HtmlWriter.Fragment($"""<p class="error" role="alert">{error}</p>"""))}
        <p>A listings CSV as described in the data contract (UTF-8, UTF-16 or Windows-1251; comma, semicolon or tab).
        Rows that cannot be used are shown and skipped; the rest are stored and linked against every reference.
        The file counts as a complete scrape of each source it names: that source's stored listings missing from it
        are marked vanished.</p>
        <form method="post" action="/upload" enctype="multipart/form-data">{Layout.AntiforgeryField(context)}
        <label>Listings file <input type="file" name="file" accept=".csv,.tsv,.txt,text/csv" required></label>
        <button type="submit">Upload and link</button></form>
        """);

    private static Markup Rejects(IReadOnlyList<IngestReject> rejects)
    {
        if (rejects.Count == 0)
        {
            return default;
        }
        var html = new HtmlWriter();
        html.Add($"""<section class="rejects"><h2>{rejects.Count} rejected rows</h2><table><thead><tr><th>Line</th><th>Column</th><th>Reason</th></tr></thead><tbody>""");
        foreach (var reject in rejects.Take(RejectsShown))
        {
            html.Add($"<tr><td>{reject.Line}</td><td>{reject.Column}</td><td>{reject.Reason}</td></tr>");
        }
        html.Add($"</tbody></table>");
        if (rejects.Count > RejectsShown)
        {
            html.Add($"<p>… and {rejects.Count - RejectsShown} more.</p>");
        }
        html.Add($"</section>");
        return new Markup(html.ToString());
    }

    private static Markup JobPage(UploadJob job)
    {
        var fraction = job.Total > 0 ? Math.Clamp((double)job.Done / job.Total, 0, 1) : 0;
        var html = new HtmlWriter();
        html.Add($"""
            <h1>Linking {job.FileName}</h1>
            <section class="job" data-job="{job.JobId}" data-finished="{(job.Finished ? "true" : "false")}">
            <p>Status <strong id="job-status">{job.Status}</strong> · stage <span id="job-stage">{job.Stage}</span>
            · <span id="job-count">{job.Done} of {job.Total}</span></p>
            <svg class="bar" viewBox="0 0 1000 12" preserveAspectRatio="none" role="img" aria-label="progress">
            <rect class="track" x="0" y="0" width="1000" height="12"/><rect id="job-bar" class="done" x="0" y="0" width="{1000 * fraction:0.#}" height="12"/></svg>
            <p>{job.ListingsAccepted} listings accepted from {job.RowsRead} rows; {job.Rejects.Count} rejected.</p>
            """);
        if (job.Status == UploadJob.Queued)
        {
            html.Add($"<p>Waiting for a runner to take it{(job.Attempts > 0 ? " again" : "")}.</p>");
        }
        if (job.RunId is { } run)
        {
            html.Add($"<p>Recorded as run {run}.</p>");
        }
        if (job.Status == UploadJob.Completed)
        {
            html.Add($"""<p>{job.PairsKept ?? 0} candidate pairs kept. <a href="/queue">Open the queue</a></p>""");
        }
        if (job.Error is { } error)
        {
            html.Add($"""<p class="error" role="alert">{error}</p>""");
        }
        html.Add($"</section>{Rejects(job.Rejects)}");
        return new Markup(html.ToString());
    }
}
