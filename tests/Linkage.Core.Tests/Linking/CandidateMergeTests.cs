using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;
using Linkage.Synthetic;

namespace Linkage.Tests.Linking;

/// <summary>
/// Merging newly compared listings into stored lists gives the lists, ranks, weights and sibling evidence of one run
/// over all the listings, without comparing the stored pairs again.
/// </summary>
public sealed class CandidateMergeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-merge-").FullName;
    private readonly ReferenceRecord[] _references;
    private readonly ListingRecord[] _listings;

    /// <summary>Without term frequencies, which each run computes from its own listings.</summary>
    private readonly LinkEngine _engine = LinkEngine.Create(
        LinkEngine.DefaultModel with
        {
            Comparisons = [.. LinkEngine.DefaultModel.Comparisons.Select(c => c with { Levels = [.. c.Levels.Select(l => l with { TfAdjust = false })] })],
        },
        LinkEngine.Default.Names, LinkEngine.Default.Places);

    public CandidateMergeTests()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 400, DistractorsPerChild = 2, Seed = 23 }, _directory);
        _references = [.. RecordFileReader.ReadReferences(Path.Combine(_directory, "references.csv")).Records];
        _listings = [.. RecordFileReader.ReadListings(Path.Combine(_directory, "listings.csv")).Records.DistinctBy(l => l.ListingId)];
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(10, false)]
    [InlineData(10, true)]
    [InlineData(2, true)]
    public void Merging_new_listings_into_stored_lists_equals_linking_all_of_them(int cap, bool onlyNewPairs)
    {
        var options = new LinkOptions { MaxCandidatesPerReference = cap, DegreeOfParallelism = 2 };
        var random = new Random(cap);
        var isNew = _listings.Select(_ => random.NextDouble() < 0.15).ToArray();
        var stored = _listings.Where((_, i) => !isNew[i]).ToArray();
        var fresh = _listings.Where((_, i) => isNew[i]).ToArray();
        // The new listings and those co-listed with them: what sibling_cross can newly propose.
        var freshGroups = fresh.Select(l => l.Person.SiblingGroup).Where(g => g.Length > 0).ToHashSet(StringComparer.Ordinal);
        var probed = fresh.Concat(stored.Where(l => freshGroups.Contains(l.Person.SiblingGroup))).ToArray();

        var before = Linker.Link(_references, stored, _engine, options).Matches
            .Select(m => SiblingEvidence.Unlifted(m, _engine.Model.Thresholds)).ToLookup(m => m.ReferenceId, StringComparer.Ordinal);
        var probing = options with
        {
            SiblingEvidence = false,
            NewListings = onlyNewPairs ? fresh.Select(l => l.ListingId).ToHashSet(StringComparer.Ordinal) : null,
        };
        var offered = Linker.Link(_references, probed, _engine, probing).Matches.ToLookup(m => m.ReferenceId, StringComparer.Ordinal);
        var merged = CandidateMerge.Merge([.. _references.Select(r => r.RecordId)], before, offered, cap,
            new PairSiblingGroups(_references), _engine.Model);

        var whole = Linker.Link(_references, _listings, _engine, options).Matches;
        Assert.Contains(whole, m => m.Evidence.Any(e => e.Comparison == SiblingEvidence.ComparisonName));
        Assert.Contains(whole, m => fresh.Any(l => l.ListingId == m.ListingId));
        Assert.Equal(MatchRows.Of(whole), MatchRows.Of(merged));
    }

    [Fact]
    public void A_reoffered_stored_pair_with_the_same_levels_and_rules_stands_as_stored()
    {
        var options = new LinkOptions { DegreeOfParallelism = 2 };
        var linked = Linker.Link(_references, _listings, _engine, options with { SiblingEvidence = false }).Matches;
        var reference = linked[0].ReferenceId;
        var stored = linked.Where(m => m.ReferenceId == reference).ToArray();
        // Scored again with other term frequencies: the same comparison, another weight.
        var offered = stored.Select(m => m with { MatchWeight = m.MatchWeight - 1 }).ToLookup(m => m.ReferenceId, StringComparer.Ordinal);

        var merged = CandidateMerge.Merge([reference], stored.ToLookup(m => m.ReferenceId, StringComparer.Ordinal), offered, 10,
            new PairSiblingGroups(new Dictionary<string, string>()), _engine.Model with { SiblingWeight = null });

        Assert.Equal(stored.Select(m => (m.ListingId, m.MatchWeight)), merged.Select(m => (m.ListingId, m.MatchWeight)));
    }
}
