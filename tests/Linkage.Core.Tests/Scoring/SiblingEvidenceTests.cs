using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Tests.Scoring;

public class SiblingEvidenceTests
{
    private static readonly MatchModel Model = new() { Prior = 0.01, SiblingWeight = 5, FormatVersion = 2 };

    private static ReferenceRecord Reference(string id, string group) => new(id, new PersonDetails { SiblingGroup = group });

    /// <param name="listingGroup">The listing's sibling group, as linking scores the pair with it.</param>
    private static CandidateMatch Candidate(string reference, string listing, string listingGroup, int rank, double weight)
    {
        var probability = CompiledModel.Probability(weight);
        return new CandidateMatch
        {
            ReferenceId = reference, ListingId = listing, Rank = rank, MatchWeight = weight, MatchProbability = probability,
            Decision = CompiledModel.Decide(probability, Model.Thresholds), Levels = [], Evidence = [], BlockingRules = [],
            ListingSiblingGroup = listingGroup,
        };
    }

    [Fact]
    public void A_sibling_listed_in_the_same_group_lifts_the_pair_and_reranks_it_first()
    {
        ReferenceRecord[] references = [Reference("UA-1", "G"), Reference("UA-2", "G")];
        CandidateMatch[] matches =
        [
            Candidate("UA-1", "L-9", "", 1, -2.5),
            Candidate("UA-1", "L-1", "S", 2, -3.0),
            Candidate("UA-2", "L-2", "S", 1, 3.0),
        ];

        var result = SiblingEvidence.Apply(matches, new PairSiblingGroups(references), Model);

        var lifted = result.Single(m => m.ListingId == "L-1");
        Assert.Equal(-3.0 + 5, lifted.MatchWeight);
        Assert.Equal(1, lifted.Rank);
        Assert.Equal(2, result.Single(m => m.ListingId == "L-9").Rank);
        var evidence = Assert.Single(lifted.Evidence);
        Assert.Equal(SiblingEvidence.ComparisonName, evidence.Comparison);
        Assert.Contains("UA-2 ~ L-2", evidence.Detail, StringComparison.Ordinal);
        // UA-2's support comes from UA-1 ~ L-1, which was below the review threshold before any lift: no bonus.
        Assert.Equal(3.0, result.Single(m => m.ListingId == "L-2").MatchWeight);
    }

    [Fact]
    public void Without_a_sibling_weight_or_groups_nothing_changes()
    {
        ReferenceRecord[] references = [Reference("UA-1", "G"), Reference("UA-2", "")];
        CandidateMatch[] matches = [Candidate("UA-1", "L-1", "S", 1, 4.0), Candidate("UA-2", "L-2", "S", 1, 4.0)];

        Assert.Equal(matches, SiblingEvidence.Apply(matches, new PairSiblingGroups(references), Model));
        Assert.Equal(matches, SiblingEvidence.Apply(matches, new PairSiblingGroups(references), Model with { SiblingWeight = null }));
    }
}
