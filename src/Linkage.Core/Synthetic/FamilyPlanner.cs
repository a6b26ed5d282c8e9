namespace Linkage.Synthetic;

/// <summary>
/// Family sizes and birth dates. Sizes are drawn so that the share of children who have siblings matches
/// <see cref="SynthOptions.SiblingShare"/>; twins share a birth date, other siblings are at least ten months apart.
/// </summary>
internal sealed class FamilyPlanner
{
    /// <summary>Sizes of families with siblings, weighted (2 is the common case).</summary>
    private static readonly WeightedTable<int> SiblingFamilySizes = new([(2, 60), (3, 28), (4, 9), (5, 3)]);
    private const double MeanSiblingFamilySize = (2 * 60 + 3 * 28 + 4 * 9 + 5 * 3) / 100.0;

    public static readonly DateOnly EarliestBirth = new(2005, 1, 1);
    public static readonly DateOnly LatestBirth = new(2022, 6, 30);

    private readonly SeededRandom _random;
    private readonly double _siblingFamilyShare;
    private readonly double _twinShare;

    public FamilyPlanner(SynthOptions options, SeededRandom random)
    {
        _random = random;
        // A share s of children in families of mean size m means a share q = s / (m(1 − s) + s) of families.
        var s = options.SiblingShare;
        _siblingFamilyShare = s / (MeanSiblingFamilySize * (1 - s) + s);
        _twinShare = options.TwinShare;
    }

    public int DrawSize(int remaining)
    {
        var size = _random.Chance(_siblingFamilyShare) ? SiblingFamilySizes.Pick(_random) : 1;
        return Math.Min(size, remaining);
    }

    public DateOnly[] DrawBirthDates(int size)
    {
        var span = LatestBirth.DayNumber - EarliestBirth.DayNumber;
        var dates = new DateOnly[size];
        var twins = size >= 2 && _random.Chance(_twinShare);
        for (var i = 0; i < size; i++)
        {
            if (twins && i == 1)
            {
                dates[i] = dates[0];
                continue;
            }
            for (var attempt = 0; ; attempt++)
            {
                dates[i] = DateOnly.FromDayNumber(EarliestBirth.DayNumber + _random.NextInt(span + 1));
                if (attempt >= 20 || FarFromAll(dates.AsSpan(0, i), dates[i]))
                {
                    break;
                }
            }
        }
        return dates;
    }

    private static bool FarFromAll(ReadOnlySpan<DateOnly> siblings, DateOnly date)
    {
        foreach (var sibling in siblings)
        {
            if (Math.Abs(sibling.DayNumber - date.DayNumber) < 300)
            {
                return false;
            }
        }
        return true;
    }
}
