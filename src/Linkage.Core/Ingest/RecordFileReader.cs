using System.Globalization;
using Linkage.Records;

namespace Linkage.Ingest;

/// <summary>
/// Reads the two input files of the data contracts (data-schemas/references.md, listings.md) into records.
/// Encoding (UTF-8 with or without BOM, UTF-16, Windows-1251) and delimiter (comma, semicolon, tab) are detected;
/// headers match in English, Russian or Ukrainian. Rows that cannot be used become <see cref="IngestReject"/>s and
/// reading goes on; only a file that is unreadable, lacks a header or id column, or yields no usable row throws
/// <see cref="IngestException"/>.
/// </summary>
public static class RecordFileReader
{
    public static IngestResult<ReferenceRecord> ReadReferences(string path, IProgress<IngestProgress>? progress = null) =>
        Read(path, RecordContract.References, progress, static (id, row) => new ReferenceRecord(id, row.Person(observedOn: null)));

    public static IngestResult<ListingRecord> ReadListings(string path, IProgress<IngestProgress>? progress = null) =>
        Read(path, RecordContract.Listings, progress, static (id, row) =>
        {
            var scrapedAt = row.ScrapedAt();
            var observedOn = scrapedAt is { } at ? DateOnly.FromDateTime(at.DateTime) : (DateOnly?)null;
            return new ListingRecord(id, row.Person(observedOn))
            {
                Source = row.Text(ContractColumn.Source),
                ScrapedAt = scrapedAt,
                PlacementRegion = row.Text(ContractColumn.PlacementRegion),
                Url = row.Text(ContractColumn.Url),
            };
        });

    private static IngestResult<T> Read<T>(string path, RecordContract contract, IProgress<IngestProgress>? progress,
        Func<string, ContractRow, T> build)
    {
        using var file = DelimitedFile.Open(path, progress);
        var header = HeaderMap.Build(path, file.ReadHeader(), contract);
        var idName = ColumnAliases.Name(ContractColumn.Id, contract);
        var idHeader = header.HeaderAt(header.IdIndex);
        var records = new List<T>();
        var rejects = new List<IngestReject>();
        var firstLineOfId = new Dictionary<string, long>(StringComparer.Ordinal);
        var pool = new ValuePool();
        foreach (var csvRow in file.ReadRows(header, rejects))
        {
            var row = new ContractRow(csvRow, header, pool);
            var id = row.Id;
            if (id.Length == 0)
            {
                rejects.Add(new IngestReject(path, csvRow.Line, idHeader, $"empty {idName}"));
                continue;
            }
            if (!firstLineOfId.TryAdd(id, csvRow.Line))
            {
                rejects.Add(new IngestReject(path, csvRow.Line, idHeader,
                    string.Create(CultureInfo.InvariantCulture, $"duplicate {idName} '{Shorten(id)}' (first on line {firstLineOfId[id]})")));
                continue;
            }
            records.Add(build(id, row));
        }
        rejects.Sort((a, b) => a.Line.CompareTo(b.Line));
        var rowsRead = records.Count + rejects.Count;
        if (records.Count == 0)
        {
            var detail = rejects.Count == 0
                ? "the file has a header but no data rows"
                : string.Create(CultureInfo.InvariantCulture, $"all {rowsRead:N0} rows were rejected (first: line {rejects[0].Line}: {rejects[0].Reason})");
            throw new IngestException(path, $"no usable row: {detail}", rejects);
        }
        return new IngestResult<T>(path, records, rejects, rowsRead, file.EncodingName, file.DelimiterName);
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 60), "…");
}
