using System.Globalization;
using Linkage.Linking;

namespace Linkage.Tests.Linking;

/// <summary>Kept candidates as sorted text rows, every field and evidence line included, to compare two runs whole.</summary>
internal static class MatchRows
{
    public static List<string> Of(IEnumerable<CandidateMatch> matches) =>
        [.. matches
            .Select(m => string.Join('|', m.ReferenceId, m.ListingId, m.Rank, m.MatchWeight.ToString("R", CultureInfo.InvariantCulture),
                m.ComparisonWeight.ToString("R", CultureInfo.InvariantCulture), m.Decision, string.Join(',', m.Levels),
                string.Join(';', m.BlockingRules),
                string.Join(";", m.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture,
                    $"{e.Comparison}:{e.Level}:{e.Weight:R}:{e.TermFrequency:R}:{e.Detail}")))))
            .Order(StringComparer.Ordinal)];
}
