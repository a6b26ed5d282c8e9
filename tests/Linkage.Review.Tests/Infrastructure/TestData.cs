using System.Text;
using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Review.Store;
using Linkage.Storage;

namespace Linkage.Review.Tests.Infrastructure;

/// <summary>
/// A small corpus read through the project's ingest and linked by the real linker, so pages show genuine
/// evidence. It carries hostile text: markup in a name, a javascript: URL, formula-like cells.
/// </summary>
internal static class TestData
{
    public const string Script = "<script>alert(1)</script>";
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\")";

    public const string References = """
        record_id,surname,given_name,patronymic,sex,birth_date,birth_place,birth_region,sibling_group,notes
        UA-0001,Марченко,Вероніка,Олександрівна,F,2016-02-11,Херсон,Херсонська,,reported by relatives
        UA-0002,Лисенко,Дмитро,Миколайович,ч,2012-07-14,Бахмут,Донецька,SG-17,
        UA-0003,Лисенко,Олена,Миколаївна,ж,2014-03-02,Бахмут,Донецька,SG-17,
        UA-0004,Коваленко,Артем,Ігорович,ч,2011-09-30,Маріуполь,Донецька,,
        UA-0005,Шевчук,Софія,Андріївна,ж,2013-05-05,Мелітополь,Запорізька,,
        """;

    public const string Listings = """
        listing_id,source,scraped_at,surname,given_name,patronymic,sex,birth_date,birth_place,birth_region,placement_region,sibling_group,url,notes,eye_colour
        L-1001,usynovite.ru,2024-03-01,Марченко,Вероника,Александровна,жен.,2016-02-11,Херсон,,Московская область,,https://example.org/profiles/L-1001,спокойная,карие
        L-1002,regional-site,2024-03-01T22:15:00+03:00,Лысенко,Дмитрий,Николаевич,м,2012-07-14,Артёмовск,ДНР,Ростовская область,FAM-3,https://example.org/profiles/L-1002,,серые
        L-1003,regional-site,2024-03-01T22:15:00+03:00,Лысенко,Елена,Николаевна,ж,2014-03-02,Артёмовск,ДНР,Ростовская область,FAM-3,javascript:alert(1),,серые
        L-1004,usynovite.ru,2024-04-11,Коваленко,Артём,Игоревич,м,2011-09-30,Мариуполь,ДНР,Краснодарский край,,https://example.org/profiles/L-1004,"=1+2",голубые
        L-1005,usynovite.ru,2024-04-12,"<script>alert(1)</script>",София,Андреевна,ж,2013-05-05,Мелитополь,,Московская область,,https://example.org/profiles/L-1005,"<img src=x onerror=alert(2)>",зелёные
        L-1006,usynovite.ru,2024-04-12,"=HYPERLINK(""http://evil.example"",""x"")",Артём,,м,2011-09-30,,,Краснодарский край,,,,
        """;

    public static IngestResult<ReferenceRecord> ReadReferences(string csv = References) =>
        Read(csv, RecordFileReader.ReadReferences);

    public static IngestResult<ListingRecord> ReadListings(string csv = Listings) =>
        Read(csv, RecordFileReader.ReadListings);

    /// <summary>
    /// A new SQLite store in a temporary folder holding the corpus, linked, and one account per role;
    /// returns its file and the candidate pairs it holds.
    /// </summary>
    public static (string Database, IReadOnlyList<CandidateMatch> Pairs) CreateDatabase()
    {
        var database = Path.Combine(Path.GetTempPath(), "linkage-review-test-" + Guid.NewGuid().ToString("N"), "review.db");
        using var store = LinkStores.Open(database);
        var request = new LinkRunRequest { Kind = "test", References = ReadReferences().Records, Listings = ReadListings().Records };
        var pairs = new List<CandidateMatch>();
        LinkRun.Execute(store, request, LinkEngine.Default, new LinkOptions { DegreeOfParallelism = 1 }, kept: pairs.AddRange);
        foreach (var (name, role) in Accounts)
        {
            store.AddUser(name, role, Password, "test");
        }
        return (database, pairs);
    }

    public const string Password = "correct horse battery staple";
    public const string Investigator = "ivy";
    public const string SecondInvestigator = "ian";
    public const string Reviewer = "rita";
    public const string SecondReviewer = "rob";
    public const string Admin = "ada";

    private static readonly (string, UserRole)[] Accounts =
        [(Investigator, UserRole.Investigator), (SecondInvestigator, UserRole.Investigator), (Reviewer, UserRole.Reviewer), (SecondReviewer, UserRole.Reviewer), (Admin, UserRole.Admin)];

    /// <summary>Removes a database folder made by <see cref="CreateDatabase"/>.</summary>
    public static void DeleteDatabase(string database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
    }

    public static PairKey Key(this CandidateMatch match) => new(match.ReferenceId, match.ListingId);

    private static IngestResult<T> Read<T>(string csv, Func<string, IProgress<IngestProgress>?, IngestResult<T>> read)
    {
        var path = Path.Combine(Path.GetTempPath(), "linkage-review-test-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
        try
        {
            return read(path, null);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
