using System.Globalization;
using Linkage.Review.Html;
using Linkage.Review.Store;

namespace Linkage.Review.Features;

/// <summary>
/// The queue's filters as they travel in a URL, from the queue to a pair and on to the next pair, so j/k and
/// "next after deciding" follow the list the reviewer chose.
/// </summary>
internal sealed record QueueFilter(string? Status, string? Source, string? Region, string? Band, string? Order, string? Assigned)
{
    public const string AnyAssignee = "all";
    public const string Mine = "mine";
    public const string MineOrUnassigned = "mine-or-unassigned";
    public const string Unassigned = "unassigned";
    /// <summary>Prefix of a reviewer's name in <see cref="Assigned"/>: <c>to:olena</c>.</summary>
    public const string AssignedToPrefix = "to:";

    /// <summary>The signed-in user, whom "mine" means; not part of the URL, so a shared link means the reader's own.</summary>
    public string Me { get; init; } = string.Empty;

    /// <summary>Score bands offered by the filter, as "min-max" match probability.</summary>
    public static IReadOnlyList<(string Value, string Label)> Bands { get; } =
    [
        ("0.9-1", "0.90 – 1.00"), ("0.5-0.9", "0.50 – 0.90"), ("0.1-0.5", "0.10 – 0.50"), ("0-0.1", "0.00 – 0.10"),
    ];

    public static IReadOnlyList<(string Value, string Label)> Orders { get; } =
    [
        ("probability", "most probable first"), ("uncertainty", "most uncertain first"), ("child", "by child"),
    ];

    public static QueueFilter From(HttpRequest request) => Read(request.HttpContext.User, name => request.Query[name].ToString());

    /// <summary>The filters a form carried along as hidden <c>q.*</c> fields.</summary>
    public static QueueFilter FromForm(HttpContext context) => Read(context.User, name => context.Request.Form["q." + name].ToString());

    private static QueueFilter Read(System.Security.Claims.ClaimsPrincipal user, Func<string, string> get)
    {
        string? Value(string name) => get(name) is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v : null;
        // The queue opens on the work still to do; "all" lifts the status filter. A reviewer starts on their own
        // children and the ones nobody has taken; admins and investigators see everyone's.
        var assigned = Value("assigned") ?? (user.IsInRole(Security.Roles.Reviewer) && !user.IsInRole(Security.Roles.Admin) ? MineOrUnassigned : AnyAssignee);
        return new QueueFilter(Value("status") ?? ReviewStatus.Pending, Value("source"), Value("region"), Value("band"), Value("order"), assigned)
        {
            Me = user.Identity?.Name ?? string.Empty,
        };
    }

    /// <summary>What <see cref="Assigned"/> asks of the store; null (everyone's) for "all" and unknown values.</summary>
    public Storage.AssigneeFilter? AssigneeFilter => Assigned switch
    {
        Mine => Storage.AssigneeFilter.To(Me),
        MineOrUnassigned => Storage.AssigneeFilter.ToOrUnassigned(Me),
        Unassigned => Storage.AssigneeFilter.NoOne,
        { } other when other.StartsWith(AssignedToPrefix, StringComparison.Ordinal) => Storage.AssigneeFilter.To(other[AssignedToPrefix.Length..]),
        _ => null,
    };

    public QueueQuery ToQuery(int offset, int limit)
    {
        double? min = null, max = null;
        if (Band is { } band && band.Split('-') is [var low, var high]
            && double.TryParse(low, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
            && double.TryParse(high, NumberStyles.Float, CultureInfo.InvariantCulture, out var hi))
        {
            (min, max) = (lo, hi);
        }
        return new QueueQuery
        {
            Status = Status is { } s && (ReviewStatus.All.Contains(s) || s == ReviewStatus.Rereview) ? s : null, // "all" and unknown values: no filter
            Source = Source,
            Region = Region,
            MinProbability = min,
            MaxProbability = max,
            Assignee = AssigneeFilter,
            Order = Order switch { "uncertainty" => QueueOrder.Uncertainty, "child" => QueueOrder.Child, _ => QueueOrder.Probability },
            Offset = offset,
            Limit = limit,
        };
    }

    public (string, string?)[] Parameters() =>
        [("status", Status), ("source", Source), ("region", Region), ("band", Band), ("order", Order), ("assigned", Assigned)];

    /// <summary>The filters as hidden form fields, so a POST can return to the same list.</summary>
    public Markup HiddenFields()
    {
        var html = new HtmlWriter();
        foreach (var (name, value) in Parameters())
        {
            if (value is not null)
            {
                html.Add($"""<input type="hidden" name="q.{name}" value="{value}">""");
            }
        }
        return new Markup(html.ToString());
    }

    public string PairUrl(PairKey key) => "/pair" + Links.Query([("r", key.ReferenceId), ("l", key.ListingId), .. Parameters()]);

    public string QueueUrl() => "/queue" + Links.Query(Parameters());
}
