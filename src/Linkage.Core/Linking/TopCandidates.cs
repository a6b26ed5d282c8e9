namespace Linkage.Linking;

/// <summary>
/// The best few candidates of one reference, kept sorted by weight; ties go to the lower listing id, so a run ranks
/// the same whichever listings share its session (a shard, an incremental merge and a full run see different ones).
/// Insertion is linear in the capacity, which is small.
/// </summary>
/// <param name="listingIds">Each listing index's id; read only on an exact tie.</param>
internal sealed class TopCandidates(int capacity, IReadOnlyList<string> listingIds)
{
    private readonly double[] _weights = new double[capacity];
    private readonly int[] _listings = new int[capacity];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>The weight an offer must exceed to be kept (ties may still win on listing order); -∞ until full.</summary>
    public double Floor => Count == _weights.Length ? _weights[Count - 1] : double.NegativeInfinity;

    public void Offer(double weight, int listing)
    {
        if (Count == _weights.Length && !Outranks(weight, listing, _weights[Count - 1], _listings[Count - 1]))
        {
            return;
        }
        var position = Count == _weights.Length ? Count - 1 : Count++;
        while (position > 0 && Outranks(weight, listing, _weights[position - 1], _listings[position - 1]))
        {
            _weights[position] = _weights[position - 1];
            _listings[position] = _listings[position - 1];
            position--;
        }
        _weights[position] = weight;
        _listings[position] = listing;
    }

    public (double Weight, int Listing) this[int rank] => (_weights[rank], _listings[rank]);

    private bool Outranks(double weight, int listing, double otherWeight, int otherListing) =>
        weight > otherWeight || (weight == otherWeight && string.CompareOrdinal(listingIds[listing], listingIds[otherListing]) < 0);
}
