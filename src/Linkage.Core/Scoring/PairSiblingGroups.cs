using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Scoring;

/// <summary>The sibling group of each reference and listing that has one, by record id; built once per run.</summary>
internal sealed class PairSiblingGroups(IReadOnlyList<ReferenceRecord> references, IReadOnlyList<ListingRecord> listings)
{
    private readonly Dictionary<string, string> _referenceGroup = references.Where(r => r.Person.SiblingGroup.Length > 0)
        .ToDictionary(r => r.RecordId, r => r.Person.SiblingGroup, StringComparer.Ordinal);

    private readonly Dictionary<string, string> _listingGroup = listings.Where(l => l.Person.SiblingGroup.Length > 0)
        .ToDictionary(l => l.ListingId, l => l.Person.SiblingGroup, StringComparer.Ordinal);

    /// <summary>The pair's reference group and listing group, or null unless both sides have one.</summary>
    public (string Reference, string Listing)? Of(CandidateMatch match) =>
        _referenceGroup.TryGetValue(match.ReferenceId, out var g) && _listingGroup.TryGetValue(match.ListingId, out var s) ? (g, s) : null;
}
