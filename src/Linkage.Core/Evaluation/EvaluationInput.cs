using Linkage.Linking;
using System.Globalization;

namespace Linkage.Evaluation;

/// <summary>Reads the matches CSV and the truth CSV of the data contracts.</summary>
internal static class EvaluationInput
{
    private const int ReferenceIdColumn = 0;
    private const int ListingIdColumn = 1;
    private const int RankColumn = 2;
    private const int ProbabilityColumn = 3;
    private const int DecisionColumn = 4;

    /// <summary>
    /// The candidate pairs of a matches CSV. Only the columns evaluation needs are required
    /// (<c>match_weight</c> and <c>explanation</c> may be absent); a pair given twice is a fault.
    /// </summary>
    /// <exception cref="EvaluationInputException">The file is unreadable or a row breaks the contract.</exception>
    public static List<ScoredPair> ReadMatches(string path)
    {
        using var file = EvaluationCsvFile.Open(path, "reference_id", "listing_id", "rank", "match_probability", "decision");
        var pairs = new List<ScoredPair>();
        var firstLines = new Dictionary<(string, string), int>();
        while (file.Read())
        {
            var referenceId = file.RequiredField(ReferenceIdColumn);
            var listingId = file.RequiredField(ListingIdColumn);
            var rankText = file.Field(RankColumn);
            if (!int.TryParse(rankText, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1)
            {
                throw file.Fault(RankColumn, $"'{EvaluationCsvFile.Show(rankText)}' is not a rank (a whole number from 1)");
            }
            var probabilityText = file.Field(ProbabilityColumn);
            if (!double.TryParse(probabilityText, NumberStyles.Float, CultureInfo.InvariantCulture, out var probability)
                || !(probability is >= 0 and <= 1))
            {
                throw file.Fault(ProbabilityColumn, $"'{EvaluationCsvFile.Show(probabilityText)}' is not a probability in [0, 1]");
            }
            var decisionText = file.Field(DecisionColumn);
            if (!MatchDecisionText.TryParse(decisionText, out var decision))
            {
                throw file.Fault(DecisionColumn, $"'{EvaluationCsvFile.Show(decisionText)}' is not one of match, review, non-match");
            }
            if (!firstLines.TryAdd((referenceId, listingId), file.Line))
            {
                throw file.Fault(null, $"repeats the pair of line {firstLines[(referenceId, listingId)]}");
            }
            // +0.0 turns a written "-0" into 0, so thresholds print without a sign.
            pairs.Add(new ScoredPair(referenceId, listingId, rank, probability + 0.0, decision));
        }
        return pairs;
    }

    /// <summary>The true pairs of a truth CSV; a pair given twice is a fault.</summary>
    /// <exception cref="EvaluationInputException">The file is unreadable or a row breaks the contract.</exception>
    public static List<TruthPair> ReadTruth(string path)
    {
        using var file = EvaluationCsvFile.Open(path, "reference_id", "listing_id");
        var pairs = new List<TruthPair>();
        var firstLines = new Dictionary<TruthPair, int>();
        while (file.Read())
        {
            var pair = new TruthPair(file.RequiredField(ReferenceIdColumn), file.RequiredField(ListingIdColumn));
            if (!firstLines.TryAdd(pair, file.Line))
            {
                throw file.Fault(null, $"repeats the pair of line {firstLines[pair]}");
            }
            pairs.Add(pair);
        }
        return pairs;
    }
}
