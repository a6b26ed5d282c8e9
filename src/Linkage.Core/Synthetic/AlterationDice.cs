namespace Linkage.Synthetic;

/// <summary>
/// Draws alterations at their configured rates and tallies them. The tally is off while distractors are
/// rendered (<see cref="Counting"/>), but the draws are the same, so the clerk treats everyone alike.
/// </summary>
internal sealed class AlterationDice(SynthOptions options, SeededRandom random)
{
    private readonly int[] _eligible = new int[Enum.GetValues<Alteration>().Length];
    private readonly int[] _applied = new int[Enum.GetValues<Alteration>().Length];

    public SeededRandom Random { get; } = random;
    public bool Counting { get; set; } = true;

    public bool Roll(Alteration kind)
    {
        var hit = Random.Chance(options.RateOf(kind));
        if (Counting)
        {
            _eligible[(int)kind]++;
            if (hit)
            {
                _applied[(int)kind]++;
            }
        }
        return hit;
    }

    /// <summary>Takes back an application that turned out impossible (no valid typo found, say).</summary>
    public void Retract(Alteration kind)
    {
        if (Counting)
        {
            _applied[(int)kind]--;
        }
    }

    public IReadOnlyDictionary<Alteration, AlterationCount> Tally() =>
        Enum.GetValues<Alteration>().ToDictionary(kind => kind, kind => new AlterationCount(_eligible[(int)kind], _applied[(int)kind]));
}
