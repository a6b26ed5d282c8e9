using System.Globalization;
using System.Text;
using CsvHelper;
using Linkage.Cli.Commands;
using Linkage.Linking;
using Linkage.Storage;

namespace Linkage.Tests.Link;

public sealed class LinkCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-link-").FullName;

    private const string References = """
        record_id,surname,given_name,patronymic,sex,birth_date,birth_place,birth_region,sibling_group,notes
        UA-1,Лисенко,Олександр,Миколайович,ч,12.03.2014,Бахмут,Донецька область,G1,
        UA-2,Лисенко,Ганна,Миколаївна,ж,2016-07-01,Бахмут,Донецька область,G1,
        UA-3,Поліщук,Соломія,Андріївна,ж,2011-11-23,Маріуполь,Донецька область,,
        """;

    private const string Listings = """
        listing_id,source,scraped_at,surname,given_name,patronymic,sex,birth_date,birth_place,birth_region,placement_region,sibling_group,url,notes
        L-1,usynovite,2024-05-01,Л.,Александр,,м,2014-03,,,Московская область,S1,https://example.org/1,
        L-2,usynovite,2024-05-01,Лысенко,Анна,Николаевна,ж,01.07.2016,Артёмовск,ДНР,Московская область,S1,https://example.org/2,
        L-3,regional,2024-05-02,Полищук,Соломия,Андреевна,ж,23.11.2011,Мариуполь,,Ростовская область,,https://example.org/3,
        L-4,usynovite,2024-05-01,Иванов,Александр,Сергеевич,м,2009-05-17,Тула,,Тульская область,,https://example.org/4,
        L-5,usynovite,2024-05-01,К.,Анна,,ж,2013,,,Курская область,,https://example.org/5,
        L-6,regional,2024-05-02,Смирнова,Мария,Петровна,ж,2011-02-02,Пермь,,Пермский край,,https://example.org/6,
        """;

    [Fact]
    public void Russified_listings_of_each_child_rank_first_and_the_run_is_recorded()
    {
        var (references, listings) = (Write("references.csv", References), Write("listings.csv", Listings));
        var output = Path.Combine(_directory, "matches.csv");
        var database = Path.Combine(_directory, "queue.db");

        var exit = Invoke("link", "--references", references, "--listings", listings, "--out", output, "--db", database);

        Assert.Equal(0, exit);
        var rows = ReadMatches(output);
        var best = rows.Where(r => r["rank"] == "1").ToDictionary(r => r["reference_id"], r => r);
        Assert.Equal("L-1", best["UA-1"]["listing_id"]);
        Assert.Equal("L-2", best["UA-2"]["listing_id"]);
        Assert.Equal("L-3", best["UA-3"]["listing_id"]);
        Assert.Equal("match", best["UA-3"]["decision"]);
        Assert.Equal("match", best["UA-2"]["decision"]);
        Assert.NotEqual("non-match", best["UA-1"]["decision"]);
        Assert.Contains("Соломія", best["UA-3"]["explanation"], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.InRange(double.Parse(r["match_probability"], CultureInfo.InvariantCulture), 0, 1));
        // A distractor never outranks the true listing, and nothing is decided a match with it.
        Assert.DoesNotContain(rows, r => r["listing_id"] is "L-4" or "L-6" && r["decision"] == "match");

        using var store = LinkStores.Open(database);
        var run = store.GetRun(1)!;
        Assert.Equal("completed", run.Status);
        Assert.Equal(3, run.Counts.ReferencesRead);
        Assert.Equal(6, run.Counts.ListingsRead);
        Assert.Equal(rows.Count, run.Counts.PairsKept);
        Assert.Equal(rows.Count(r => r["decision"] == "match"), store.Queue(new QueueQuery { MachineDecision = MatchDecision.Match }).Count);
    }

    [Fact]
    public void Unusable_rows_go_to_a_rejects_file_and_the_run_goes_on()
    {
        var references = Write("references.csv", References);
        var listings = Write("listings.csv", Listings + "\nL-3,regional,2024-05-02,Дубль,Иван,,м,2012,,,,,,\n,usynovite,2024-05-01,Пустой,Id,,м,2012,,,,,,\n");
        var output = Path.Combine(_directory, "matches.csv");

        var exit = Invoke("link", "--references", references, "--listings", listings, "--out", output, "--db", Path.Combine(_directory, "q.db"));

        Assert.Equal(0, exit);
        var rejects = File.ReadAllText(Path.Combine(_directory, "matches.rejects.csv"));
        Assert.Contains("listings.csv", rejects, StringComparison.Ordinal);
        Assert.Contains("L-3", rejects, StringComparison.Ordinal);
        Assert.Equal(3, rejects.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_file_with_nothing_usable_fails_with_exit_code_2_and_no_run_is_started()
    {
        var references = Write("references.csv", References);
        var listings = Write("listings.csv", "listing_id,given_name\n,Иван\n");
        var database = Path.Combine(_directory, "q.db");

        var exit = Invoke("link", "--references", references, "--listings", listings, "--out", Path.Combine(_directory, "m.csv"), "--db", database);

        Assert.Equal(2, exit);
        Assert.False(File.Exists(Path.Combine(_directory, "m.csv")));
    }

    [Fact]
    public void A_model_file_that_does_not_fit_this_build_is_refused_with_exit_code_2()
    {
        var model = Write("model.json", """{"format_version": 1, "name": "odd", "prior": 0.001, "comparisons": [{"name": "eye_colour", "levels": [{"name": "same", "m": 0.9, "u": 0.1}]}], "blocking_rules": [{"name": "y", "keys": ["birth_year"]}]}""");

        var exit = Invoke("link", "--references", Write("r.csv", References), "--listings", Write("l.csv", Listings),
            "--out", Path.Combine(_directory, "m.csv"), "--db", Path.Combine(_directory, "q.db"), "--model", model);

        Assert.Equal(2, exit);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int Invoke(params string[] args) => LinkCommand.Create().Parse(args[1..]).Invoke();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n", new UTF8Encoding(false));
        return path;
    }

    private static List<Dictionary<string, string>> ReadMatches(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        }
        return rows;
    }
}
