using Linkage.Blocking;
using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Scoring;

/// <summary>
/// Scores and explains one reference–listing pair under a model, whether or not blocking would propose it:
/// each comparison's level, weight and the values that met, the total weight and the blocking rules that would
/// propose the pair (none means blocking misses it).
/// </summary>
public static class PairExplainer
{
    public static CandidateMatch Explain(ReferenceRecord reference, ListingRecord listing, LinkEngine engine)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var session = LinkSession.Prepare([reference], [listing], engine, parallel);
        var finder = new CandidateFinder(BlockingIndex.Build(engine.BlockingRules, session.Listings), session.References, 1);
        finder.Find(0);
        var ruleMask = finder.Candidates.Count == 1 ? finder.RuleMasks[0] : 0u;
        var levels = session.Model.Comparisons.Select(c => (byte)c.Level(0, 0)).ToArray();
        return session.Explain(0, 0, session.Model.Weight(levels, 0, 0), rank: 1, ruleMask, reference, engine.BlockingRules);
    }
}
