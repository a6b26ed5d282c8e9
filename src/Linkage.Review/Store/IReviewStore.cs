using Linkage.Linking;
using Linkage.Records;
using Linkage.Storage;

namespace Linkage.Review.Store;

/// <summary>
/// What the review app needs from storage, and nothing more. Implementations record the audit trail themselves
/// (every decision and account change carries its actor) and are safe to call from concurrent requests.
/// </summary>
internal interface IReviewStore
{
    /// <summary>The account, when the name exists and the password matches its hash; otherwise null.</summary>
    ReviewUser? VerifyPassword(string userName, string password);

    IReadOnlyList<ReviewUser> ListUsers();

    /// <summary>Adds an account; false (and nothing changed) when the name is taken.</summary>
    bool AddUser(string userName, string password, string role, string actor);

    QueuePage ReadQueue(QueueQuery query);

    /// <summary>Only the pairs' keys, in queue order: cheap enough to find a pair's neighbours in a long queue.</summary>
    IReadOnlyList<PairKey> ReadQueueKeys(QueueQuery query);

    /// <summary>Pairs per review status (pending, confirmed, rejected, unsure), over the whole queue.</summary>
    IReadOnlyDictionary<string, int> CountByStatus();

    /// <summary>Children, pairs and decided pairs per assignee; the unassigned (null assignee) first.</summary>
    IReadOnlyList<AssigneeProgress> CountByAssignee();

    /// <summary>
    /// Assigns the children to <paramref name="assignee"/>, or returns them to the pool when it is null. The store
    /// checks that <paramref name="actor"/> is an admin and audits each change.
    /// </summary>
    AssignmentResult Assign(IReadOnlyCollection<string> referenceIds, string? assignee, string actor);

    /// <summary>Sources and placement regions present in the queue, for the filter lists.</summary>
    (IReadOnlyList<string> Sources, IReadOnlyList<string> Regions) FilterValues();

    PairDetails? ReadPair(PairKey key);

    /// <summary>
    /// Records a decision when <see cref="DecisionRequest.ExpectedVersion"/> is the pair's current version;
    /// otherwise changes nothing and returns the decision that won.
    /// </summary>
    DecisionOutcome Decide(DecisionRequest request);

    IReadOnlyList<ConfirmedPair> ReadConfirmed();

    /// <summary>Writes every confirmed match with its evidence, in the format `linkage review export` writes.</summary>
    void ExportConfirmed(Stream output, ExportFormat format);

    /// <summary>Links and records one run (<see cref="LinkRun.Execute"/>) on the store's connection for runs.</summary>
    (long RunId, LinkSummary Summary) Link(
        LinkRunRequest request, LinkEngine engine, Linking.LinkOptions options, IProgress<LinkProgress>? progress, Action<long>? started,
        CancellationToken cancellationToken);

    IReadOnlyList<RunRecord> ListRuns(int limit);
}
