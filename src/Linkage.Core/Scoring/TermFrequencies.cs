namespace Linkage.Scoring;

/// <summary>
/// Term-frequency adjustments (as in Splink): agreeing on a value that few listings carry is stronger evidence
/// than agreeing on a common one. A level's weight gets log2(u / tf), tf being the value's share of the listings
/// that have one, computed once per run for every value id, never per pair. At a fuzzy level the two sides'
/// values differ and the more common one counts (Splink takes the greater frequency too): a typo makes a
/// spelling rare, and a common name misspelt must not weigh like a rare one.
/// </summary>
internal static class TermFrequencies
{
    /// <summary>Fewer listings with a value than this give frequencies too noisy to use: no adjustment.</summary>
    public const int MinimumListings = 200;

    /// <summary>A value seen fewer times counts as seen this often, so one-off spellings do not weigh without limit.</summary>
    public const int MinimumCount = 3;

    /// <summary>The adjustment's bound either way, in bits.</summary>
    public const double MaxAdjustment = 5;

    /// <summary>
    /// For each value id below <paramref name="valueCount"/> (0: no value, never adjusted), the adjustment to a
    /// level whose u is <paramref name="u"/>; all zero when too few listings have a value. A value no listing
    /// holds (a reference's spelling) counts as rare as any value can.
    /// </summary>
    /// <param name="listingValues">Each listing's value id.</param>
    /// <param name="valueCount">One more than the largest value id either side holds.</param>
    /// <param name="minimumU">A floor on the frequency (the model's tf_minimum_u), if any.</param>
    public static double[] Adjustments(int[] listingValues, int valueCount, double u, double? minimumU)
    {
        var counts = new int[Math.Max(valueCount, listingValues.Length == 0 ? 1 : listingValues.Max() + 1)];
        var withValue = 0;
        foreach (var value in listingValues)
        {
            if (value > 0)
            {
                counts[value]++;
                withValue++;
            }
        }
        var adjustments = new double[counts.Length];
        if (withValue < MinimumListings)
        {
            return adjustments;
        }
        var floor = Math.Max(minimumU ?? 0, (double)MinimumCount / withValue);
        for (var value = 1; value < counts.Length; value++)
        {
            var tf = Math.Max((double)counts[value] / withValue, floor);
            adjustments[value] = Math.Clamp(Math.Log2(u / tf), -MaxAdjustment, MaxAdjustment);
        }
        return adjustments;
    }
}
