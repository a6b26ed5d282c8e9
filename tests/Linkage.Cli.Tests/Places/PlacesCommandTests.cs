using System.CommandLine;
using Linkage.Cli.Commands;

namespace Linkage.Cli.Tests.Places;

public class PlacesCommandTests
{
    private static int Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(PlacesCommand.Create());
        return root.Parse(args).Invoke();
    }

    [Fact]
    public void ResolveSucceedsForAKnownPlaceAndFailsForAnUnknownOne()
    {
        Assert.Equal(0, Run("places", "resolve", "г. Артёмовск", "--region", "ДНР"));
        Assert.Equal(1, Run("places", "resolve", "Зеленопільськівка"));
    }

    [Fact]
    public void CoverageRequiresTheOchaFolder()
    {
        Assert.NotEqual(0, Run("places", "coverage"));
    }
}
