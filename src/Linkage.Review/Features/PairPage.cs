using System.Globalization;
using Linkage.Records;
using Linkage.Review.Html;
using Linkage.Review.Security;
using Linkage.Review.Store;

namespace Linkage.Review.Features;

/// <summary>Renders the pair page; every value that came from a scraped or registered record is encoded.</summary>
internal static class PairPage
{
    public static Markup Render(HttpContext context, PairDetails pair, QueueFilter filter, IReviewStore store, DecisionDraft? draft)
    {
        var user = context.User;
        var (previous, next) = PairEndpoints.Neighbours(store, filter, pair.Key);
        var html = new HtmlWriter();
        html.Add($"""
            <nav class="pairnav"><a href="{filter.QueueUrl()}">Queue</a>
            {(previous is { } p ? HtmlWriter.Fragment($"""<a id="prev" rel="prev" href="{filter.PairUrl(p)}">← previous (k)</a>""") : default)}
            {(next is { } n ? HtmlWriter.Fragment($"""<a id="next" rel="next" href="{filter.PairUrl(n)}">next (j) →</a>""") : default)}</nav>
            <h1>{FullName(pair.Reference.Person)} ↔ {FullName(pair.Listing.Person)}</h1>
            <p class="score">Probability <strong>{pair.MatchProbability:0.000}</strong> · weight {pair.MatchWeight:+0.00;-0.00;0.00}
            · rank {pair.Rank} for this child · status <span id="status" class="status {pair.Status}">{pair.Status}</span>
            · assigned to <span id="assignee">{pair.Assignee ?? "no one"}</span></p>
            """);
        if (pair.ListingVanishedAt is { } vanished)
        {
            html.Add($"""<p class="rereview" role="status"><strong>Listing vanished</strong> from its source's scrape of {vanished}: often the child was just placed.</p>""");
        }
        if (pair.RereviewReason is { } reason)
        {
            html.Add($"""<p class="rereview" role="status"><strong>Needs re-review:</strong> {reason}</p>""");
        }
        if (draft is not null)
        {
            var winner = draft.Winner;
            html.Add($"""
                <div class="conflict" role="alert"><h2>Someone decided this pair first</h2>
                <p>{(winner is null ? HtmlWriter.Fragment($"The pair changed while you were looking at it.")
                    : HtmlWriter.Fragment($"{winner.Reviewer} marked it <strong>{winner.Status}</strong> at {winner.DecidedAt}."))}
                Your decision (<strong>{draft.Status}</strong>) was not saved; your note is kept in the form below.
                Read their decision, then submit yours again if you still disagree.</p></div>
                """);
        }
        RenderRecords(html, pair);
        html.Add($"""
            <section class="evidence"><h2>Evidence</h2>{WaterfallChart.Render(pair.Evidence, pair.MatchWeight)}
            <table><thead><tr><th>Comparison</th><th>Level</th><th>Weight</th><th>What met (normalized forms)</th></tr></thead><tbody>
            """);
        foreach (var item in pair.Evidence)
        {
            html.Add($"""<tr><td>{item.Comparison}</td><td>{item.Level}</td><td class="num">{item.Weight:+0.00;-0.00;0.00}</td><td>{item.Detail}</td></tr>""");
        }
        html.Add($"</tbody></table></section>");

        if (user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Admin))
        {
            RenderDecisionForm(html, context, pair, filter, draft);
        }
        RenderDecisions(html, pair.Decisions);
        RenderOthers(html, pair, filter);
        RenderSiblings(html, pair);
        RenderHistory(html, pair);
        return new Markup(html.ToString());
    }

    private static void RenderRecords(HtmlWriter html, PairDetails pair)
    {
        var reference = pair.Reference.Person;
        var listing = pair.Listing.Person;
        html.Add($"""
            <section class="records"><h2>Records</h2><table class="sidebyside"><thead><tr><th></th>
            <th>Reference {pair.Reference.RecordId}</th><th>Listing {pair.Listing.ListingId}</th></tr></thead><tbody>
            """);
        Row(html, "Surname", reference.Surname, listing.Surname);
        Row(html, "Given name", reference.GivenName, listing.GivenName);
        Row(html, "Patronymic", reference.Patronymic, listing.Patronymic);
        Row(html, "Sex", reference.Sex.ToString(), listing.Sex.ToString());
        Row(html, "Birth date", DateText(reference), DateText(listing));
        Row(html, "Birth place", reference.BirthPlace, listing.BirthPlace);
        Row(html, "Birth region", reference.BirthRegion, listing.BirthRegion);
        Row(html, "Sibling group", reference.SiblingGroup, listing.SiblingGroup);
        Row(html, "Notes", reference.Notes, listing.Notes);
        Row(html, "Source", string.Empty, pair.Listing.Source);
        Row(html, "Placement region", string.Empty, pair.Listing.PlacementRegion);
        Row(html, "Scraped at", string.Empty, pair.Listing.ScrapedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? string.Empty);
        html.Add($"<tr><th>Source URL</th><td></td><td>{SourceLink(pair.Listing.Url)}</td></tr>");
        var extraNames = reference.ExtraFields.Select(f => f.Key).Concat(listing.ExtraFields.Select(f => f.Key)).Distinct(StringComparer.Ordinal);
        foreach (var name in extraNames)
        {
            Row(html, name, Extra(reference, name), Extra(listing, name), extra: true);
        }
        foreach (var warning in reference.Warnings)
        {
            Row(html, "⚠ " + warning.Field, warning.Message, string.Empty);
        }
        foreach (var warning in listing.Warnings)
        {
            Row(html, "⚠ " + warning.Field, string.Empty, warning.Message);
        }
        html.Add($"</tbody></table></section>");
    }

    private static void Row(HtmlWriter html, string label, string left, string right, bool extra = false)
    {
        var same = left.Length > 0 && string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);
        html.Add($"""<tr class="{(extra ? "extra" : string.Empty)}{(same ? " same" : string.Empty)}"><th>{label}</th><td>{left}</td><td>{right}</td></tr>""");
    }

    private static string DateText(PersonDetails person)
    {
        var parsed = person.BirthDate.ToString();
        return parsed == person.BirthDateText || string.IsNullOrEmpty(parsed) ? person.BirthDateText : $"{person.BirthDateText} ({parsed})";
    }

    private static string Extra(PersonDetails person, string name) =>
        person.ExtraFields.FirstOrDefault(f => f.Key == name).Value ?? string.Empty;

    /// <summary>Scraped URLs become links only when they are absolute http(s); the target cannot reach back.</summary>
    internal static Markup SourceLink(string url) =>
        Links.TryExternal(url, out var uri)
            ? HtmlWriter.Fragment($"""<a href="{uri.AbsoluteUri}" rel="noopener noreferrer" target="_blank">{url}</a>""")
            : HtmlWriter.Fragment($"{url}");

    private static void RenderDecisionForm(HtmlWriter html, HttpContext context, PairDetails pair, QueueFilter filter, DecisionDraft? draft)
    {
        var note = draft?.Note ?? (pair.Decisions.Count > 0 ? pair.Decisions[^1].Note : string.Empty);
        html.Add($"""
            <section class="decide"><h2>Decision</h2>
            <form id="decide" method="post" action="/pair/decide">{Layout.AntiforgeryField(context)}{filter.HiddenFields()}
            <input type="hidden" name="r" value="{pair.Key.ReferenceId}"><input type="hidden" name="l" value="{pair.Key.ListingId}">
            <input type="hidden" name="version" value="{pair.Version}">
            <label>Note <textarea name="note" maxlength="4000" rows="3">{note}</textarea></label>
            <div class="buttons">
            <button type="submit" name="status" value="confirmed" data-key="y" class="confirm">Confirm (y)</button>
            <button type="submit" name="status" value="rejected" data-key="n" class="reject">Reject (n)</button>
            <button type="submit" name="status" value="unsure" data-key="u" class="unsure">Unsure (u)</button>
            </div></form></section>
            """);
    }

    private static void RenderDecisions(HtmlWriter html, IReadOnlyList<DecisionEntry> decisions)
    {
        if (decisions.Count == 0)
        {
            return;
        }
        html.Add($"""<section class="decisions"><h2>Decisions</h2><table><thead><tr><th>When</th><th>Who</th><th>Decision</th><th>Note</th></tr></thead><tbody>""");
        foreach (var decision in decisions)
        {
            html.Add($"""<tr><td>{decision.DecidedAt}</td><td>{decision.Reviewer}</td><td><span class="status {decision.Status}">{decision.Status}</span></td><td>{decision.Note}</td></tr>""");
        }
        html.Add($"</tbody></table></section>");
    }

    private static void RenderOthers(HtmlWriter html, PairDetails pair, QueueFilter filter)
    {
        html.Add($"""<section class="others"><h2>Other candidates for this child</h2>""");
        if (pair.OtherCandidates.Count == 0)
        {
            html.Add($"<p>None.</p>");
        }
        else
        {
            html.Add($"""<table><thead><tr><th>Rank</th><th>Listing</th><th>Source</th><th>Probability</th><th>Status</th></tr></thead><tbody>""");
            foreach (var other in pair.OtherCandidates)
            {
                html.Add($"""
                    <tr><td>{other.Rank}</td><td><a href="{filter.PairUrl(other.Key)}">{other.ListingName}</a> <small>{other.Key.ListingId}</small></td>
                    <td>{other.Source}</td><td>{other.MatchProbability:0.000}</td><td><span class="status {other.Status}">{other.Status}</span></td></tr>
                    """);
            }
            html.Add($"</tbody></table>");
        }
        html.Add($"</section>");
    }

    private static void RenderSiblings(HtmlWriter html, PairDetails pair)
    {
        html.Add($"""<section class="siblings"><h2>Siblings</h2><div class="columns"><div><h3>In the reference register</h3>""");
        PersonList(html, pair.ReferenceSiblings.Select(s => (s.RecordId, s.Person)));
        html.Add($"<h3>In the listings</h3>");
        PersonList(html, pair.ListingSiblings.Select(s => (s.ListingId, s.Person)));
        html.Add($"</div></div></section>");
    }

    private static void PersonList(HtmlWriter html, IEnumerable<(string Id, PersonDetails Person)> people)
    {
        var any = false;
        html.Add($"<ul>");
        foreach (var (id, person) in people)
        {
            any = true;
            html.Add($"<li>{FullName(person)}, born {person.BirthDateText} <small>{id}</small></li>");
        }
        html.Add($"</ul>");
        if (!any)
        {
            html.Add($"<p>None recorded.</p>");
        }
    }

    private static void RenderHistory(HtmlWriter html, PairDetails pair)
    {
        html.Add($"""<section class="history"><h2>Listing history</h2>""");
        if (pair.ListingHistory.Count <= 1)
        {
            html.Add($"<p>One version seen.</p>");
        }
        else
        {
            html.Add($"""<table><thead><tr><th>Run</th><th>Scraped</th><th>Content</th><th>Hash</th></tr></thead><tbody>""");
            foreach (var version in pair.ListingHistory)
            {
                html.Add($"""
                    <tr><td>{version.RunId}</td><td>{version.ScrapedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td>
                    <td>{version.Summary}</td><td><code>{version.ContentHash[..Math.Min(12, version.ContentHash.Length)]}</code></td></tr>
                    """);
            }
            html.Add($"</tbody></table>");
        }
        html.Add($"</section>");
    }

    internal static string FullName(PersonDetails person) =>
        string.Join(' ', new[] { person.Surname, person.GivenName, person.Patronymic }.Where(p => p.Length > 0));
}
