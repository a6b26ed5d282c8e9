using Linkage.Review.Html;
using Linkage.Review.Security;
using Linkage.Review.Store;
using Microsoft.AspNetCore.Mvc;

namespace Linkage.Review.Features;

/// <summary>One candidate pair: both records, the evidence, the child's other candidates, and the decision form.</summary>
internal static class PairEndpoints
{
    private const int NoteLimit = 4000;
    // Neighbours are looked up in the first pairs of the filtered queue; past them, "next" is the queue's head.
    private const int NeighbourWindow = 300;

    public static void MapPairs(this IEndpointRouteBuilder app)
    {
        var view = app.MapGroup("/pair").RequireAuthorization(Roles.ViewPolicy);
        view.MapGet("", (HttpContext context, IReviewStore store, string? r, string? l) =>
        {
            var pair = r is null || l is null ? null : store.ReadPair(new PairKey(r, l));
            if (pair is null)
            {
                return NotFound(context);
            }
            return Layout.Page(context, "Pair", PairPage.Render(context, pair, QueueFilter.From(context.Request), store, draft: null));
        });

        var decide = app.MapGroup("/pair").RequireAuthorization(Roles.DecidePolicy);
        decide.MapPost("/decide", Decide);
    }

    private static IResult Decide(HttpContext context, IReviewStore store,
        [FromForm] string? r, [FromForm] string? l, [FromForm] string? status, [FromForm] string? note, [FromForm] long version)
    {
        if (r is null || l is null || status is null || !ReviewStatus.Decisions.Contains(status))
        {
            return TypedResults.BadRequest();
        }
        var key = new PairKey(r, l);
        var filter = QueueFilter.FromForm(context);
        note = (note ?? string.Empty).Trim();
        if (note.Length > NoteLimit)
        {
            note = note[..NoteLimit];
        }
        var pair = store.ReadPair(key);
        if (pair is null)
        {
            return NotFound(context);
        }
        // Where to go next is worked out before saving, while the pair still holds its place in the list.
        var (_, next) = Neighbours(store, filter, key);
        var outcome = store.Decide(new DecisionRequest(key, status, note, context.User.Identity!.Name!, version));
        if (outcome.Refused)
        {
            return TypedResults.Forbid();
        }
        if (!outcome.Saved)
        {
            var current = store.ReadPair(key) ?? pair;
            var body = PairPage.Render(context, current, filter, store, new DecisionDraft(status, note, outcome.Current));
            return Layout.Page(context, "Conflict", body, StatusCodes.Status409Conflict);
        }
        return TypedResults.Redirect(next is { } n ? filter.PairUrl(n) : filter.QueueUrl());
    }

    /// <summary>The pairs before and after <paramref name="key"/> in the filtered queue.</summary>
    internal static (PairKey? Previous, PairKey? Next) Neighbours(IReviewStore store, QueueFilter filter, PairKey key)
    {
        var keys = store.ReadQueueKeys(filter.ToQuery(0, NeighbourWindow));
        var index = -1;
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                index = i;
                break;
            }
        }
        if (index < 0)
        {
            return (null, keys.Count > 0 ? keys[0] : null);
        }
        return (index > 0 ? keys[index - 1] : null, index + 1 < keys.Count ? keys[index + 1] : null);
    }

    private static IResult NotFound(HttpContext context) =>
        Layout.Page(context, "Not found", HtmlWriter.Fragment($"""<h1>No such pair</h1><p><a href="/queue">Back to the queue</a></p>"""),
            StatusCodes.Status404NotFound);
}

/// <summary>What a reviewer submitted when someone else decided first: shown back so nothing is lost.</summary>
internal sealed record DecisionDraft(string Status, string Note, DecisionEntry? Winner);
