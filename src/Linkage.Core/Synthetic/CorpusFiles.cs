using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Linkage.Synthetic;

/// <summary>
/// The three output files, written row by row (UTF-8 without BOM, "\n" line ends, fixed bytes per seed).
/// Listing rows pass through a bounded shuffle buffer, so that a child's scrapes and a family's listings are
/// not adjacent in the file and listing order does not follow reference order closely.
/// </summary>
internal sealed class CorpusFiles : IDisposable
{
    public static readonly string[] ReferenceHeader =
        ["record_id", "surname", "given_name", "patronymic", "sex", "birth_date", "birth_place", "birth_region", "sibling_group", "notes"];
    public static readonly string[] ListingHeader =
        ["listing_id", "source", "scraped_at", "surname", "given_name", "patronymic", "sex", "birth_date", "birth_place",
         "birth_region", "placement_region", "sibling_group", "url", "notes"];
    public static readonly string[] TruthHeader = ["reference_id", "listing_id"];

    public const string ReferencesFile = "references.csv";
    public const string ListingsFile = "listings.csv";
    public const string TruthFile = "truth.csv";

    private readonly CsvWriter _references;
    private readonly CsvWriter _listings;
    private readonly CsvWriter _truth;
    private readonly ListingRow[] _pending;
    private readonly SeededRandom _shuffle;
    private int _pendingCount;

    public CorpusFiles(string directory, ulong shuffleSeed, int shuffleWindow = 1 << 14)
    {
        _pending = new ListingRow[shuffleWindow];
        _shuffle = new SeededRandom(shuffleSeed);
        Directory.CreateDirectory(directory);
        _references = Open(Path.Combine(directory, ReferencesFile), ReferenceHeader);
        _listings = Open(Path.Combine(directory, ListingsFile), ListingHeader);
        _truth = Open(Path.Combine(directory, TruthFile), TruthHeader);
    }

    public void Write(ReferenceRow row)
    {
        var w = _references;
        w.WriteField(row.RecordId);
        w.WriteField(row.Surname);
        w.WriteField(row.GivenName);
        w.WriteField(row.Patronymic);
        w.WriteField(row.Sex);
        w.WriteField(row.BirthDate);
        w.WriteField(row.BirthPlace);
        w.WriteField(row.BirthRegion);
        w.WriteField(row.SiblingGroup);
        w.WriteField(row.Notes);
        w.NextRecord();
    }

    /// <summary>Queues a listing row; once the window is full, a random queued row is written to make room.</summary>
    public void Write(ListingRow row)
    {
        if (_pendingCount < _pending.Length)
        {
            _pending[_pendingCount++] = row;
            return;
        }
        var slot = _shuffle.NextInt(_pending.Length);
        WriteListing(_pending[slot]);
        _pending[slot] = row;
    }

    /// <summary>Writes the queued listing rows; call once after the last row, before disposing.</summary>
    public void Complete()
    {
        while (_pendingCount > 0)
        {
            var slot = _shuffle.NextInt(_pendingCount);
            WriteListing(_pending[slot]);
            _pending[slot] = _pending[--_pendingCount];
        }
    }

    private void WriteListing(ListingRow row)
    {
        var w = _listings;
        w.WriteField(row.ListingId);
        w.WriteField(row.Source);
        w.WriteField(row.ScrapedAt);
        w.WriteField(row.Surname);
        w.WriteField(row.GivenName);
        w.WriteField(row.Patronymic);
        w.WriteField(row.Sex);
        w.WriteField(row.BirthDate);
        w.WriteField(row.BirthPlace);
        w.WriteField(row.BirthRegion);
        w.WriteField(row.PlacementRegion);
        w.WriteField(row.SiblingGroup);
        w.WriteField(row.Url);
        w.WriteField(row.Notes);
        w.NextRecord();
    }

    public void WriteTruth(string referenceId, string listingId)
    {
        _truth.WriteField(referenceId);
        _truth.WriteField(listingId);
        _truth.NextRecord();
    }

    public void Dispose()
    {
        _references.Dispose();
        _listings.Dispose();
        _truth.Dispose();
    }

    private static CsvWriter Open(string path, string[] header)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var column in header)
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        return csv;
    }
}
