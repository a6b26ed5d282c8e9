using System.Data.Common;
using System.Globalization;

namespace Linkage.Storage;

/// <summary>
/// Children (references) assigned to reviewers; a child's candidate pairs go with it (migration 003 says why).
/// Only admins assign; every change is audited in the transaction that makes it.
/// </summary>
public sealed partial class LinkStore
{
    /// <summary>
    /// Assigns the children to <paramref name="assignee"/>, a reviewer or admin. All or nothing: an unknown
    /// reference, assignee or a non-admin actor writes nothing. A child already theirs is left (and not audited).
    /// </summary>
    public AssignmentResult Assign(IReadOnlyCollection<string> referenceIds, string assignee, string actor)
    {
        ArgumentNullException.ThrowIfNull(referenceIds);
        return InTransaction(transaction =>
        {
            if (Refuse(referenceIds, actor, transaction) is { } refused)
            {
                return refused;
            }
            if (FindUser(assignee, transaction)?.Role is not { } role || !role.MayDecide())
            {
                return new AssignmentResult(AssignmentStatus.UnknownAssignee, 0, $"'{assignee}' is not a reviewer or admin");
            }
            var changed = 0;
            var children = referenceIds.Distinct(StringComparer.Ordinal).ToList();
            foreach (var referenceId in children)
            {
                var previous = AssigneeOf(referenceId, transaction);
                if (previous == assignee)
                {
                    continue;
                }
                using var upsert = Command("""
                    INSERT INTO assignments (reference_id, assignee, assigned_by, assigned_at) VALUES (@reference, @assignee, @actor, @at)
                    ON CONFLICT (reference_id) DO UPDATE SET assignee = excluded.assignee, assigned_by = excluded.assigned_by,
                        assigned_at = excluded.assigned_at
                    """, transaction);
                upsert.AddParameter("@reference", referenceId);
                upsert.AddParameter("@assignee", assignee);
                upsert.AddParameter("@actor", actor);
                upsert.AddParameter("@at", DateTimeOffset.UtcNow);
                upsert.ExecuteNonQuery();
                Audit(transaction, actor, "assign", previous is null ? $"to {assignee}" : $"to {assignee} (was {previous})", referenceId);
                changed++;
            }
            return new AssignmentResult(AssignmentStatus.Saved, changed,
                string.Create(CultureInfo.InvariantCulture, $"assigned to {assignee}: {changed} of {children.Count} children (the rest were theirs already)"));
        });
    }

    /// <summary>Returns the children to the unassigned pool; all or nothing, like <see cref="Assign"/>.</summary>
    public AssignmentResult Unassign(IReadOnlyCollection<string> referenceIds, string actor)
    {
        ArgumentNullException.ThrowIfNull(referenceIds);
        return InTransaction(transaction =>
        {
            if (Refuse(referenceIds, actor, transaction) is { } refused)
            {
                return refused;
            }
            var changed = 0;
            foreach (var referenceId in referenceIds.Distinct(StringComparer.Ordinal))
            {
                if (AssigneeOf(referenceId, transaction) is not { } previous)
                {
                    continue;
                }
                using var delete = Command("DELETE FROM assignments WHERE reference_id = @reference", transaction);
                delete.AddParameter("@reference", referenceId);
                delete.ExecuteNonQuery();
                Audit(transaction, actor, "unassign", $"from {previous}", referenceId);
                changed++;
            }
            return new AssignmentResult(AssignmentStatus.Saved, changed,
                string.Create(CultureInfo.InvariantCulture, $"unassigned: {changed} children (the rest had no assignee)"));
        });
    }

    /// <summary>Who the child is assigned to, or null.</summary>
    public string? GetAssignee(string referenceId) => AssigneeOf(referenceId, null);

    /// <summary>Children, pairs and decided pairs per assignee, the unassigned (null) first, then by name.</summary>
    public IReadOnlyList<AssigneeProgress> CountByAssignee()
    {
        using var command = Command("""
            SELECT a.assignee, COUNT(DISTINCT p.reference_id), COUNT(*), SUM(CASE WHEN p.decision IS NULL THEN 0 ELSE 1 END)
            FROM candidate_pairs p LEFT JOIN assignments a ON a.reference_id = p.reference_id
            GROUP BY a.assignee
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<AssigneeProgress>();
        while (reader.Read())
        {
            rows.Add(new AssigneeProgress(reader.NullableString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3)));
        }
        // Sorted here: the databases disagree on where NULL sorts.
        return [.. rows.OrderBy(r => r.Assignee is not null).ThenBy(r => r.Assignee, StringComparer.Ordinal)];
    }

    private AssignmentResult? Refuse(IReadOnlyCollection<string> referenceIds, string actor, DbTransaction transaction)
    {
        if (FindUser(actor, transaction)?.Role is not UserRole.Admin)
        {
            return new AssignmentResult(AssignmentStatus.Forbidden, 0, $"'{actor}' is not an admin");
        }
        foreach (var referenceId in referenceIds)
        {
            using var exists = Command("SELECT COUNT(*) FROM reference_records WHERE reference_id = @reference", transaction);
            exists.AddParameter("@reference", referenceId);
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                return new AssignmentResult(AssignmentStatus.NotFound, 0, $"no reference '{referenceId}'");
            }
        }
        return null;
    }

    private string? AssigneeOf(string referenceId, DbTransaction? transaction)
    {
        using var command = Command("SELECT assignee FROM assignments WHERE reference_id = @reference", transaction);
        command.AddParameter("@reference", referenceId);
        return command.ExecuteScalar() as string;
    }
}
