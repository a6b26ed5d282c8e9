using Linkage.Names;
using Linkage.Records;

namespace Linkage.Tests.Names;

/// <summary>Every row of Data/triples.csv: the Ukrainian, Russian and Latin forms reach one canonical key.</summary>
public class TriplesTests
{
    private static readonly string TriplesPath = Path.Combine(AppContext.BaseDirectory, "Names", "Data", "triples.csv");

    public static TheoryData<string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var line in File.ReadLines(TriplesPath).Where(l => l.Length > 0 && l[0] != '#').Skip(1))
        {
            var f = line.Split(',');
            data.Add(f[0], f[1], f[2], f[3], f[4]);
        }
        return data;
    }

    [Fact]
    public void TheTableHasAtLeast300TriplesOfEveryKind()
    {
        var rows = Rows().Select(r => (string)r[0]).ToList();
        Assert.True(rows.Count >= 300, $"{rows.Count} rows");
        Assert.True(rows.Count(k => k == "given") >= 100);
        Assert.True(rows.Count(k => k == "patronymic") >= 50);
        Assert.True(rows.Count(k => k == "surname") >= 100);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void AllFormsShareOneKey(string kind, string sex, string uk, string ru, string latin)
    {
        var nameKind = kind switch
        {
            "given" => NameKind.Given,
            "patronymic" => NameKind.Patronymic,
            _ => NameKind.Surname,
        };
        var recordSex = sex == "m" ? Sex.Male : Sex.Female;
        var expected = NameKnowledge.Default.Analyse(uk, nameKind, recordSex).CanonicalKey;
        Assert.NotEmpty(expected);
        foreach (var form in latin.Split('|').Prepend(ru))
        {
            var forms = NameKnowledge.Default.Analyse(form, nameKind, recordSex);
            Assert.True(expected == forms.CanonicalKey, $"{uk} → {expected} but {form} → {forms.CanonicalKey} ({forms.KeySource})");
        }
    }
}
