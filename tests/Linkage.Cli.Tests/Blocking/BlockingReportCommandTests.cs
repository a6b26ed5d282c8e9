using System.Text;
using Linkage.Cli.Commands;
using Spectre.Console;

namespace Linkage.Tests.Blocking;

public sealed class BlockingReportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-blocking-report-").FullName;
    private readonly StringWriter _output = new();

    private const string References = """
        record_id,surname,given_name,patronymic,sex,birth_date,birth_place,birth_region,sibling_group,notes
        UA-1,Лисенко,Олександр,Миколайович,ч,12.03.2014,Бахмут,Донецька область,G1,
        UA-2,Поліщук,Соломія,Андріївна,ж,2011-11-23,Маріуполь,Донецька область,,
        """;

    private const string Listings = """
        listing_id,source,scraped_at,surname,given_name,patronymic,sex,birth_date,birth_place,birth_region,placement_region,sibling_group,url,notes
        L-1,usynovite,2024-05-01,Лысенко,Александр,Николаевич,м,2014-03-12,,,Московская область,S1,https://example.org/1,
        L-2,regional,2024-05-02,Полищук,Соломия,Андреевна,ж,23.11.2011,Мариуполь,,Ростовская область,,https://example.org/2,
        L-3,usynovite,2024-05-01,Иванов,Пётр,Сергеевич,м,2009-05-17,Тула,,Тульская область,,https://example.org/3,
        """;

    private const string Truth = """
        reference_id,listing_id
        UA-1,L-1
        UA-2,L-2
        """;

    [Fact]
    public void Reports_rules_reduction_and_completeness_without_printing_names()
    {
        var exit = Run("--references", Write("r.csv", References), "--listings", Write("l.csv", Listings), "--truth", Write("t.csv", Truth));

        Assert.Equal(0, exit);
        var text = _output.ToString();
        Assert.Contains("given_name+birth_year", text, StringComparison.Ordinal);
        Assert.Contains("Reduction ratio", text, StringComparison.Ordinal);
        Assert.Contains("2 (1.0000)", text, StringComparison.Ordinal);
        foreach (var name in (string[])["Лисенко", "Лысенко", "Соломія", "Соломия", "Иванов"])
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Exhaustive_reports_what_blocking_keeps_of_what_link_exhaustive_keeps()
    {
        var exit = Run(
            "--references", Write("r.csv", References), "--listings", Write("l.csv", Listings), "--truth", Write("t.csv", Truth), "--exhaustive");

        Assert.Equal(0, exit);
        var text = _output.ToString();
        Assert.Contains("True pairs link --exhaustive keeps", text, StringComparison.Ordinal);
        Assert.Contains("kept at or above review by blocked link", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var exit = Run("--references", Path.Combine(_directory, "none.csv"), "--listings", Write("l.csv", Listings));

        Assert.NotEqual(0, exit);
    }

    private int Run(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_output),
        });
        console.Profile.Width = 200;
        return BlockingReportCommand.Create(console).Parse(args).Invoke();
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
