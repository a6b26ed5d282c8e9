using System.Runtime.InteropServices;

namespace Linkage.Evaluation;

/// <summary>Counts, per reference, the true listings the output ranks at or above a cut-off.</summary>
internal sealed class RankRecallCounter(int k)
{
    private readonly Dictionary<string, int> _foundPerReference = new(StringComparer.Ordinal);

    public void AddTrueListing(string referenceId, int rank)
    {
        if (rank <= k)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_foundPerReference, referenceId, out _)++;
        }
    }

    /// <param name="trueListingsPerReference">Every reference with at least one true listing, with their count.</param>
    public RankRecall Result(IReadOnlyDictionary<string, int> trueListingsPerReference)
    {
        double recallSum = 0;
        var hits = 0;
        foreach (var (referenceId, trueListings) in trueListingsPerReference)
        {
            if (_foundPerReference.TryGetValue(referenceId, out var found))
            {
                recallSum += (double)found / trueListings;
                hits++;
            }
        }
        var references = trueListingsPerReference.Count;
        return new RankRecall(k, PrecisionRecall.Ratio(recallSum, references), PrecisionRecall.Ratio(hits, references));
    }
}
