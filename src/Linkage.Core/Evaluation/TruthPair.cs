namespace Linkage.Evaluation;

/// <summary>A reference and a listing known to be the same child: a row of the truth CSV.</summary>
public readonly record struct TruthPair(string ReferenceId, string ListingId);
