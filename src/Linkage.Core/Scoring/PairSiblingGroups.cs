using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Scoring;

/// <summary>
/// The sibling group of each reference that has one, by record id, built once per run. A pair's listing group is the
/// one its candidate was scored with (<see cref="CandidateMatch.ListingSiblingGroup"/>), stored pairs included.
/// </summary>
internal sealed class PairSiblingGroups
{
    private readonly IReadOnlyDictionary<string, string> _referenceGroup;

    public PairSiblingGroups(IReadOnlyList<ReferenceRecord> references)
        : this(references.Where(r => r.Person.SiblingGroup.Length > 0).ToDictionary(r => r.RecordId, r => r.Person.SiblingGroup, StringComparer.Ordinal))
    {
    }

    /// <param name="referenceGroups">The group of each reference that has one.</param>
    public PairSiblingGroups(IReadOnlyDictionary<string, string> referenceGroups) => _referenceGroup = referenceGroups;

    /// <summary>The pair's reference group and listing group, or null unless both sides have one.</summary>
    public (string Reference, string Listing)? Of(CandidateMatch match) =>
        match.ListingSiblingGroup.Length > 0 && _referenceGroup.TryGetValue(match.ReferenceId, out var group)
            ? (group, match.ListingSiblingGroup)
            : null;
}
