using System.CommandLine;
using System.Globalization;
using Linkage.Places;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage places resolve "г. Артёмовск"</c> shows what a birthplace resolves to;
/// <c>linkage places coverage --ocha ../shared/data/reference/gazetteer</c> measures the gazetteer against OCHA.
/// </summary>
internal static class PlacesCommand
{
    public static Command Create()
    {
        var places = new Command("places", "Inspect the gazetteer of Ukrainian and Russian places.");
        places.Subcommands.Add(CreateResolve());
        places.Subcommands.Add(CreateCoverage());
        return places;
    }

    private static Command CreateResolve()
    {
        var place = new Argument<string>("place") { Description = "Birthplace text, in any script, with or without prefixes." };
        var region = new Option<string?>("--region") { Description = "The region given beside the place, if any." };
        var knowledge = new KnowledgeOptions();
        var resolve = new Command("resolve", "Print the settlement, raion and oblast a birthplace resolves to.");
        resolve.Arguments.Add(place);
        resolve.Options.Add(region);
        resolve.Options.Add(knowledge.Ocha);
        resolve.SetAction(parseResult =>
        {
            var gazetteer = knowledge.Places(parseResult);
            var resolved = gazetteer.Resolve(parseResult.GetValue(place), parseResult.GetValue(region));
            var table = new Table().AddColumn("field").AddColumn("value");
            table.AddRow("resolves to", Markup.Escape(gazetteer.Describe(resolved)));
            table.AddRow("ids", string.Create(
                CultureInfo.InvariantCulture, $"settlement {resolved.SettlementId}, raion {resolved.RaionId}, oblast {resolved.OblastId}"));
            table.AddRow("traits", resolved.Traits.ToString());
            AnsiConsole.Write(table);
            return resolved.IsUnresolved ? 1 : 0;
        });
        return resolve;
    }

    private static Command CreateCoverage()
    {
        var ocha = new Option<string>("--ocha")
        {
            Description = "Folder with OCHA's ocha_activityinfo_ukr_admin4.csv.",
            Required = true,
        };
        var coverage = new Command("coverage", "Measure the embedded gazetteer against OCHA's settlement list.");
        coverage.Options.Add(ocha);
        coverage.SetAction(parseResult =>
        {
            var table = new Table()
                .AddColumn("oblast").AddColumn("cities").AddColumn("urban settl.").AddColumn("found in OCHA")
                .AddColumn("raion agrees").AddColumn("OCHA settlements").AddColumn("OCHA named").AddColumn("OCHA snapped");
            var lines = GazetteerCoverage.Measure(parseResult.GetValue(ocha)!);
            foreach (var line in lines)
            {
                table.AddRow(
                    Markup.Escape(line.Oblast), Number(line.AuthoredCities), Number(line.AuthoredUrbanSettlements),
                    Number(line.AuthoredFoundInOcha), Number(line.AuthoredRaionAgrees), Number(line.OchaSettlements),
                    Number(line.OchaNamedInGazetteer), Number(line.OchaSnappedToAnotherName));
            }
            AnsiConsole.Write(table);
            foreach (var line in lines.Where(line => line.AuthoredNotInOcha.Count > 0))
            {
                // Each is explained in Data/Places/SOURCES.md (absent from OCHA's list, or spelled differently there).
                AnsiConsole.MarkupLine(Markup.Escape($"{line.Oblast}: authored but not in OCHA: {string.Join(", ", line.AuthoredNotInOcha)}"));
            }
            return 0;
        });
        return coverage;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
