namespace Linkage.Records;

/// <summary>A child reported missing or deported, from a Ukrainian register or NGO case file.</summary>
public sealed record ReferenceRecord(string RecordId, PersonDetails Person);
