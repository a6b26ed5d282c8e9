using Linkage.Review.Security;
using Linkage.Review.Store;
using Linkage.Storage;

namespace Linkage.Review.Features;

/// <summary>Downloads of the confirmed matches, the same files `linkage review export` writes.</summary>
internal static class ExportEndpoints
{
    public static void MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/export").RequireAuthorization(Roles.ViewPolicy);
        group.MapGet("/confirmed.csv", (IReviewStore store) => Export(store, ExportFormat.Csv, "text/csv; charset=utf-8", "confirmed-matches.csv"));
        group.MapGet("/confirmed.json", (IReviewStore store) => Export(store, ExportFormat.Json, "application/json; charset=utf-8", "confirmed-matches.json"));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Export(IReviewStore store, ExportFormat format, string contentType, string fileName)
    {
        using var buffer = new MemoryStream();
        store.ExportConfirmed(buffer, format);
        return TypedResults.File(buffer.ToArray(), contentType, fileName);
    }
}
