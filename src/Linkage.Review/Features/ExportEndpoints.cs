using System.Text;
using Linkage.Review.Security;
using Linkage.Review.Store;

namespace Linkage.Review.Features;

/// <summary>Downloads of the confirmed matches.</summary>
internal static class ExportEndpoints
{
    public static void MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/export").RequireAuthorization(Roles.ViewPolicy);
        group.MapGet("/confirmed.csv", (IReviewStore store) =>
            TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ConfirmedExport.Csv(store.ReadConfirmed()))).ToArray(),
                "text/csv; charset=utf-8", "confirmed-matches.csv"));
        group.MapGet("/confirmed.json", (IReviewStore store) =>
            TypedResults.File(Encoding.UTF8.GetBytes(ConfirmedExport.Json(store.ReadConfirmed())),
                "application/json; charset=utf-8", "confirmed-matches.json"));
    }
}
