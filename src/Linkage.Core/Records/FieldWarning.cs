namespace Linkage.Records;

/// <summary>
/// A value that was kept as text for the reviewer but is not used as evidence
/// (an impossible date, an unknown sex spelling), with the reason.
/// </summary>
public sealed record FieldWarning(string Field, string Message);
