using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Scoring;

/// <summary>The sibling group of each reference and listing that has one, by record id; built once per run.</summary>
internal sealed class PairSiblingGroups
{
    private readonly IReadOnlyDictionary<string, string> _referenceGroup;
    private readonly IReadOnlyDictionary<string, string> _listingGroup;

    public PairSiblingGroups(IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings)
        : this(
            references.Where(r => r.Person.SiblingGroup.Length > 0).ToDictionary(r => r.RecordId, r => r.Person.SiblingGroup, StringComparer.Ordinal),
            listings.Where(l => l.Person.SiblingGroup.Length > 0).ToDictionary(l => l.ListingId, l => l.Person.SiblingGroup, StringComparer.Ordinal))
    {
    }

    /// <param name="referenceGroups">The group of each reference that has one.</param>
    /// <param name="listingGroups">The group of each listing that has one.</param>
    public PairSiblingGroups(IReadOnlyDictionary<string, string> referenceGroups, IReadOnlyDictionary<string, string> listingGroups)
    {
        _referenceGroup = referenceGroups;
        _listingGroup = listingGroups;
    }

    /// <summary>The pair's reference group and listing group, or null unless both sides have one.</summary>
    public (string Reference, string Listing)? Of(CandidateMatch match) =>
        _referenceGroup.TryGetValue(match.ReferenceId, out var g) && _listingGroup.TryGetValue(match.ListingId, out var s) ? (g, s) : null;
}
