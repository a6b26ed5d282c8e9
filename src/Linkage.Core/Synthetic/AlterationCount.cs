namespace Linkage.Synthetic;

/// <summary>How often one <see cref="Alteration"/> could have been drawn and how often it was.</summary>
public readonly record struct AlterationCount(int Eligible, int Applied)
{
    /// <summary>Applied over eligible; 0 when never eligible.</summary>
    public double Rate => Eligible == 0 ? 0 : (double)Applied / Eligible;
}
