using System.Text.Json;
using System.Xml.Linq;
using Linkage.Cli.Commands;
using Spectre.Console;

namespace Linkage.Tests.Evaluate;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-evaluate-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    // Truth: R1-L1, R2-L3. Output: R1-L1 match 0.9 (true), R1-L2 review 0.6, R2-L4 match 0.7, R2-L3 non-match 0.2 (true).
    // At match: 2 positives, 1 true → P 1/2, R 1/2. Curve: 0.9 (1/1), 0.7 (1/2), 0.6 (1/3), 0.2 (2/4):
    // AP = 0.5·1 + 0.5·0.5 = 0.75; best F1 2/3 at 0.9 (F1 at 0.2 is 4/6 as well; the higher threshold wins).
    [Fact]
    public void PrintsTheFiguresAndWritesThePlotAndTheJson()
    {
        var matches = Write("matches.csv",
            "reference_id,listing_id,rank,match_probability,match_weight,decision,explanation\n" +
            "R1,L1,1,0.9,3.2,match,surname agrees\nR1,L2,2,0.6,0.6,review,\nR2,L4,1,0.7,1.2,match,\nR2,L3,2,0.2,-2,non-match,\n");
        var truth = Write("truth.csv", "reference_id,listing_id\nR1,L1\nR2,L3\n");
        var plot = Path.Combine(_directory, "pr.svg");
        var json = Path.Combine(_directory, "report.json");

        var exitCode = Run("--matches", matches, "--truth", truth, "--plot", plot, "--json", json);

        Assert.Equal(0, exitCode);
        Assert.Equal("", _errors.ToString());
        Assert.Contains("Average precision", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("0.750", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains(XDocument.Load(plot).Descendants(), e => e.Name.LocalName == "path" && (string?)e.Attribute("class") == "curve");
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        Assert.Equal(4, root.GetProperty("pairs_out").GetInt32());
        Assert.Equal(0.5, root.GetProperty("at_match").GetProperty("precision").GetDouble());
        Assert.Equal(0.75, root.GetProperty("average_precision").GetDouble());
        Assert.Equal(0.9, root.GetProperty("best_f1").GetProperty("threshold").GetDouble());
        Assert.Equal(0.5, root.GetProperty("recall_at1").GetProperty("recall").GetDouble());
        Assert.False(root.TryGetProperty("curve", out _));
    }

    [Fact]
    public void ABadRowFailsWithFileLineAndField()
    {
        var matches = Write("matches.csv",
            "reference_id,listing_id,rank,match_probability,match_weight,decision,explanation\nR1,L1,1,high,3.2,match,\n");
        var truth = Write("truth.csv", "reference_id,listing_id\nR1,L1\n");

        var exitCode = Run("--matches", matches, "--truth", truth);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(
            $"evaluate: {matches}, line 2, field match_probability: 'high' is not a probability in [0, 1]",
            _errors.ToString().TrimEnd());
    }

    private int Run(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_output),
        });
        return EvaluateCommand.Create(console, _errors).Parse(args).Invoke();
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
