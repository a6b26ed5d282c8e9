using Linkage.Dates;

namespace Linkage.Records;

/// <summary>
/// What either side says about a child, as read from the source: raw text for display, plus the few values
/// that ingest parses (sex, birth date). Normalization for comparison happens later, once per record.
/// </summary>
public sealed record PersonDetails
{
    public string Surname { get; init; } = string.Empty;
    public string GivenName { get; init; } = string.Empty;
    public string Patronymic { get; init; } = string.Empty;
    public Sex Sex { get; init; }
    /// <summary>The birth date as the source wrote it.</summary>
    public string BirthDateText { get; init; } = string.Empty;
    /// <summary>The parsed birth date; <see cref="PartialDate.Missing"/> when absent or impossible.</summary>
    public PartialDate BirthDate { get; init; }
    public string BirthPlace { get; init; } = string.Empty;
    public string BirthRegion { get; init; } = string.Empty;
    /// <summary>Children who share a non-empty group id within one file are siblings.</summary>
    public string SiblingGroup { get; init; } = string.Empty;
    public string Notes { get; init; } = string.Empty;
    /// <summary>Columns the contract does not name, kept in file order and shown to reviewers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraFields { get; init; } = [];
    public IReadOnlyList<FieldWarning> Warnings { get; init; } = [];
}
