using System.CommandLine;
using Linkage.Names;
using Linkage.Records;
using Spectre.Console;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage names explain "Олександр"</c> shows the forms, keys, transliterations and equivalents of a name;
/// <c>linkage names coverage file.csv</c> measures the name knowledge against a shared uk→ru dictionary.
/// </summary>
internal static class NamesCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The name to explain, in any script." };
        var kind = new Option<string>("--kind")
        {
            Description = "Which part of a name it is: given, surname or patronymic.",
            DefaultValueFactory = _ => "given",
        };
        kind.AcceptOnlyFromAmong("given", "surname", "patronymic");
        var sex = new Option<string>("--sex") { Description = "M or F; picks between names that differ only by sex (Саша)." };
        var knowledge = new KnowledgeOptions();

        var explain = new Command("explain", "Print a name's normalized form, keys, transliterations and equivalents.");
        explain.Arguments.Add(name);
        explain.Options.Add(kind);
        explain.Options.Add(sex);
        knowledge.AddNameOptionsTo(explain);
        explain.SetAction(parseResult =>
        {
            if (!SexParser.TryParse(parseResult.GetValue(sex), out var recordSex))
            {
                Console.Error.WriteLine("--sex must be M or F.");
                return 2;
            }
            var nameKind = ParseKind(parseResult.GetValue(kind));
            Render(NameExplanation.Of(knowledge.Names(parseResult), parseResult.GetValue(name) ?? string.Empty, nameKind, recordSex));
            return 0;
        });

        var names = new Command("names", "Inspect cross-script name knowledge (Ukrainian, Russian, Latin).");
        names.Subcommands.Add(explain);
        names.Subcommands.Add(CreateCoverage());
        return names;
    }

    private static Command CreateCoverage()
    {
        var dictionary = new Argument<string>("dictionary") { Description = "Shared uk→ru dictionary CSV (uk,ru,rank), e.g. names-translator." };
        var kind = new Option<string>("--kind") { Description = "given, surname or patronymic.", DefaultValueFactory = _ => "given" };
        kind.AcceptOnlyFromAmong("given", "surname", "patronymic");
        var holdout = new Option<bool>("--holdout")
        {
            Description = "Also load half of the file as a user dictionary and measure on the other half.",
        };
        var coverage = new Command("coverage", "Measure how many rank-0 pairs of a shared dictionary reach one canonical key.");
        coverage.Arguments.Add(dictionary);
        coverage.Options.Add(kind);
        coverage.Options.Add(holdout);
        coverage.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(dictionary)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"No such file: {path}");
                return 2;
            }
            var nameKind = ParseKind(parseResult.GetValue(kind));
            var table = new Table().AddColumn("knowledge").AddColumn("pairs").AddColumn("same key")
                .AddColumn("same key, differing spellings").AddColumn("known to dictionary");
            AddReport(table, "embedded", NameCoverage.Measure(NameKnowledge.Default, path, nameKind));
            if (parseResult.GetValue(holdout))
            {
                var training = Path.GetTempFileName();
                try
                {
                    NameCoverage.WriteTrainingHalf(path, training);
                    AddReport(table, "embedded, held-out half", NameCoverage.Measure(NameKnowledge.Default, path, nameKind, holdoutOnly: true));
                    var loaded = NameKnowledge.Load(nameKind switch
                    {
                        NameKind.Surname => new NameDictionaryPaths { Surnames = training },
                        NameKind.Patronymic => new NameDictionaryPaths { Patronymics = training },
                        _ => new NameDictionaryPaths { GivenNames = training },
                    });
                    AddReport(table, "+ other half loaded, held-out half", NameCoverage.Measure(loaded, path, nameKind, holdoutOnly: true));
                }
                finally
                {
                    File.Delete(training);
                }
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return coverage;
    }

    private static void AddReport(Table table, string label, NameCoverageReport report) =>
        table.AddRow(
            Markup.Escape(label),
            report.Pairs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            report.SameKeyRate.ToString("P2", System.Globalization.CultureInfo.InvariantCulture),
            report.DifferingSameKeyRate.ToString("P2", System.Globalization.CultureInfo.InvariantCulture),
            report.KnownRate.ToString("P1", System.Globalization.CultureInfo.InvariantCulture));

    private static NameKind ParseKind(string? kind) => kind switch
    {
        "surname" => NameKind.Surname,
        "patronymic" => NameKind.Patronymic,
        _ => NameKind.Given,
    };

    private static void Render(NameExplanation explanation)
    {
        var forms = explanation.Forms;
        var table = new Table().Title($"{explanation.Kind} name").AddColumn("field").AddColumn("value");
        Add(table, "as given", forms.Display);
        if (forms.IsMissing)
        {
            Add(table, "status", "missing");
            AnsiConsole.Write(table);
            return;
        }
        Add(table, "normalized (Latin skeleton)", forms.Normalized);
        Add(table, "canonical key", forms.IsInitialOnly ? "(initial only)" : forms.CanonicalKey);
        Add(table, "key reached by", forms.KeySource);
        Add(table, "phonetic key", forms.PhoneticKey);
        Add(table, "initial class", forms.InitialKey);
        if (forms.PartKeys.Count > 1)
        {
            Add(table, "part keys", string.Join(", ", forms.PartKeys));
        }
        if (forms.DiminutiveOf.Count > 0)
        {
            Add(table, "diminutive of", string.Join(", ", forms.DiminutiveOf));
        }
        if (explanation.Equivalents is { } equivalents)
        {
            var label = explanation.Kind == NameKind.Patronymic ? "father's name" : "equivalents";
            Add(table, $"{label} (UA)", string.Join(", ", equivalents.Ukrainian));
            Add(table, $"{label} (RU)", string.Join(", ", equivalents.Russian));
            if (equivalents.Diminutives.Count > 0 && explanation.Kind == NameKind.Given)
            {
                Add(table, "diminutives", string.Join(", ", equivalents.Diminutives));
            }
        }
        if (explanation.CyrillicForms is { } cyrillic)
        {
            Add(table, "Ukrainian Cyrillic", cyrillic.Ukrainian);
            Add(table, "Russian Cyrillic", cyrillic.Russian);
            Add(table, "Cyrillic from", cyrillic.Source);
        }
        AnsiConsole.Write(table);
        if (explanation.Transliterations.Count > 0)
        {
            var transliterations = new Table().Title("transliterations").AddColumn("standard").AddColumn("form").AddColumn("Latin");
            foreach (var (scheme, form, latin) in explanation.Transliterations)
            {
                transliterations.AddRow(Markup.Escape(scheme), Markup.Escape(form), Markup.Escape(latin));
            }
            AnsiConsole.Write(transliterations);
        }
    }

    private static void Add(Table table, string label, string value) =>
        table.AddRow(Markup.Escape(label), Markup.Escape(value));
}
