using System.CommandLine;
using Linkage.Cli.Commands;
using Spectre.Console;

namespace Linkage.Cli.Tests.Names;

public class NamesCommandTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        try
        {
            var root = new RootCommand();
            root.Subcommands.Add(NamesCommand.Create());
            var exitCode = root.Parse(args).Invoke();
            return (exitCode, writer.ToString());
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }

    [Fact]
    public void ExplainShowsKeysTransliterationsAndEquivalents()
    {
        var (exitCode, output) = Run("names", "explain", "Олександр");
        Assert.Equal(0, exitCode);
        Assert.Contains("oleksandr", output, StringComparison.Ordinal);
        Assert.Contains("UA↔RU dictionary", output, StringComparison.Ordinal);
        Assert.Contains("Oleksandr", output, StringComparison.Ordinal); // KMU-2010
        Assert.Contains("Александр", output, StringComparison.Ordinal); // Russian equivalent
    }

    [Fact]
    public void ExplainGivesCyrillicFormsOfLatinSurnames()
    {
        var (exitCode, output) = Run("names", "explain", "Yaroshenko", "--kind", "surname");
        Assert.Equal(0, exitCode);
        Assert.Contains("Ярошенко", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainRejectsAnUnknownSex() =>
        Assert.NotEqual(0, Run("names", "explain", "Саша", "--sex", "X").ExitCode);

    [Fact]
    public void CoverageMeasuresASharedDictionary()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "uk,ru,rank\nолександр,Александр,0\nмикола,Николай,0\nвовк,Волк,0\nлисенко,Лысенко,0\n");
            var (exitCode, output) = Run("names", "coverage", path, "--kind", "given");
            Assert.Equal(0, exitCode);
            Assert.Contains("75.00", output, StringComparison.Ordinal); // Вовк/Волк is a translation, not a spelling
        }
        finally
        {
            File.Delete(path);
        }
    }
}
