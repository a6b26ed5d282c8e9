using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Linking;

/// <summary>
/// Whether two references are reports of the same child, judged by the link model with one reference in the
/// listing's place: the names, dates and places comparisons apply across scripts and spellings either way.
/// </summary>
internal static class DuplicateReports
{
    /// <summary>
    /// Prepares the given references once and returns the probability that two of them (by record id) are the
    /// same child, computed when asked.
    /// </summary>
    public static Func<string, string, double> Among(IEnumerable<string> referenceIds, IReadOnlyList<ReferenceRecord> references, LinkEngine engine)
    {
        var wanted = referenceIds.ToHashSet(StringComparer.Ordinal);
        var records = references.Where(r => wanted.Contains(r.RecordId)).DistinctBy(r => r.RecordId).ToArray();
        var session = LinkSession.Prepare(
            records, records.Select(r => new ListingRecord(r.RecordId, r.Person)).ToArray(), engine, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var asReference = records.Select((r, i) => (r.RecordId, i)).ToDictionary(x => x.RecordId, x => x.i, StringComparer.Ordinal);
        var asListing = session.ListingRecords.Select((l, i) => (l.ListingId, i)).ToDictionary(x => x.ListingId, x => x.i, StringComparer.Ordinal);
        var comparisons = session.Model.Comparisons;
        var levels = new byte[comparisons.Count];
        return (a, b) =>
        {
            var (reference, listing) = (asReference[a], asListing[b]);
            for (var c = 0; c < levels.Length; c++)
            {
                levels[c] = (byte)comparisons[c].Level(reference, listing);
            }
            return CompiledModel.Probability(session.Model.Weight(levels, reference, listing));
        };
    }
}
