using Linkage.Names;
using Linkage.Records;

namespace Linkage.Tests.Names;

public class GivenNameTests
{
    private static readonly NameKnowledge Names = NameKnowledge.Default;

    private static string Key(string name, Sex sex = Sex.Unknown) => Names.GivenName(name, sex).CanonicalKey;

    [Theory]
    [InlineData("Олександр", "Александр", "Oleksandr", "Aleksandr", "Alexander")]
    [InlineData("Ганна", "Анна", "Hanna", "Anna", "Ganna")]
    [InlineData("Дарія", "Дарья", "Dariia", "Darya", "Daria")]
    [InlineData("Наталія", "Наталья", "Nataliia", "Natalya", "Natalia")]
    [InlineData("Євген", "Евгений", "Yevhen", "Evgeny", "Yevgeniy")]
    [InlineData("Дмитро", "Дмитрий", "Dmytro", "Dmitry", "Dmitriy")]
    [InlineData("Ірина", "Ирина", "Iryna", "Irina", "Irina")]
    public void UkrainianRussianAndLatinFormsShareTheKey(params string[] forms)
    {
        var keys = forms.Select(f => Key(f)).Distinct().ToArray();
        Assert.Single(keys);
        Assert.DoesNotContain('~', keys[0]);
    }

    [Theory]
    [InlineData("Олег", "Ольга")]
    [InlineData("Іван", "Іванна")]
    [InlineData("Ярослав", "Ярослава")]
    [InlineData("Олександр", "Олександра")]
    [InlineData("Богдан", "Богдана")]
    [InlineData("Євген", "Євгенія")]
    [InlineData("Дарина", "Дарія")]
    [InlineData("Ян", "Яна")]
    [InlineData("Олесь", "Олеся")]
    [InlineData("Валентин", "Валентина")]
    [InlineData("Oleksandr", "Oleksandra")]
    [InlineData("Yevhen", "Yevheniia")]
    public void NearMissNamesDoNotShareAKey(string a, string b) =>
        Assert.NotEqual(Key(a), Key(b));

    [Theory]
    [InlineData("Дарина")]
    [InlineData("Олесь")]
    [InlineData("Яна")]
    [InlineData("Соломія")]
    public void NamesTheIssueListsAreInTheDictionary(string name) =>
        Assert.Equal("UA↔RU dictionary", Names.GivenName(name, Sex.Unknown).KeySource);

    [Fact]
    public void DictionaryHasAtLeast400NamesOfBothSexesWithoutCollidingSkeletons()
    {
        var entries = GivenNameEntry.LoadEmbedded();
        Assert.True(entries.Count >= 400, $"{entries.Count} names");
        Assert.True(entries.Count(e => e.Sex == Sex.Male) >= 150);
        Assert.True(entries.Count(e => e.Sex == Sex.Female) >= 150);
        var index = new GivenNameIndex(entries, Linkage.Names.Transliteration.Transliterator.Schemes);
        Assert.Empty(index.SkeletonCollisions());
    }

    [Fact]
    public void DiminutivesAreASeparateWeakerLevel()
    {
        var sasha = Names.GivenName("Саша", Sex.Unknown);
        Assert.Equal(new[] { Key("Олександр"), Key("Олександра") }.Order(), sasha.DiminutiveOf.Order());
        Assert.NotEqual(Key("Олександр"), sasha.CanonicalKey);
        Assert.Equal(sasha.CanonicalKey, Key("Sasha"));
        Assert.Equal([Key("Олександр")], Names.GivenName("Саша", Sex.Male).DiminutiveOf);
        Assert.Equal([Key("Олександра")], Names.GivenName("Sasha", Sex.Female).DiminutiveOf);
        Assert.Contains(Key("Анастасія"), Names.GivenName("Настя", Sex.Female).DiminutiveOf);
        Assert.Contains(Key("Євгенія"), Names.GivenName("Женя", Sex.Female).DiminutiveOf);
        Assert.Contains(Key("Євген"), Names.GivenName("Zhenya", Sex.Male).DiminutiveOf);
    }

    [Fact]
    public void AFullNameThatIsAlsoADiminutiveKeepsItsOwnKey()
    {
        var oles = Names.GivenName("Олесь", Sex.Male);
        Assert.Equal("oles", oles.CanonicalKey);
        Assert.Contains(Key("Олександр"), oles.DiminutiveOf);
    }

    [Theory]
    [InlineData("Aлександр", "Александр")] // Latin A
    [InlineData("Олексaндр", "Олександр")] // Latin a
    [InlineData("Irinа", "Irina")] // Cyrillic а
    [InlineData("ОЛЕКСАНДР", "Олександр")]
    [InlineData("  Ганна ", "Ганна")]
    public void MixedScriptAndCaseAreRepaired(string noisy, string clean) =>
        Assert.Equal(Key(clean), Key(noisy));

    [Fact]
    public void UnknownNamesStillMeetAcrossScriptsByLetterRules()
    {
        var uk = Names.GivenName("Зореслава", Sex.Female);
        Assert.StartsWith("~", uk.CanonicalKey);
        Assert.Equal("letter rules", uk.KeySource);
        Assert.Equal(uk.CanonicalKey, Key("Zoreslava"));
        Assert.Equal(Key("Богодарка"), Key("Bohodarka"));
        Assert.Equal(Key("Ївелія"), Key("Ивелия"));
    }

    [Theory]
    [InlineData("Мыхайло", "Михайло")]
    [InlineData("Кырыло", "Кирило")]
    [InlineData("Олэксандр", "Олександр")]
    [InlineData("Андрий", "Андрій")]
    public void UkrainianFormsSpelledLetterByLetterInRussianReachTheName(string russianSpelling, string ukrainian) =>
        Assert.Equal(Key(ukrainian), Key(russianSpelling));

    [Fact]
    public void SexPicksBetweenEntriesOnlyWhenTheSpellingIsShared()
    {
        Assert.Equal(Key("Валентина"), Names.GivenName("Валентина", Sex.Male).CanonicalKey);
        Assert.Equal("ivan", Names.GivenName("Іван", Sex.Female).CanonicalKey);
    }

    [Fact]
    public void KeySourceNamesTheTransliterationStandard()
    {
        Assert.Contains("KMU", Names.GivenName("Oleksandr", Sex.Male).KeySource);
        Assert.Contains("known Latin spelling", Names.GivenName("Alexander", Sex.Male).KeySource);
    }

    [Fact]
    public void LatinNamesGetTheirDictionaryCyrillicForms()
    {
        Assert.Equal(("Олександр", "Александр"), Pair(Names.ToCyrillic("Olexandr", NameKind.Given, Sex.Male)));
        Assert.Equal(("Олександр", "Александр"), Pair(Names.ToCyrillic("Alexander", NameKind.Given, Sex.Male)));
        Assert.Equal(("Євген", "Евгений"), Pair(Names.ToCyrillic("Yevgeniy", NameKind.Given, Sex.Male)));
        Assert.Equal(("Ірина", "Ирина"), Pair(Names.ToCyrillic("Irina", NameKind.Given, Sex.Female)));
        Assert.Equal(("Наталія", "Наталья"), Pair(Names.ToCyrillic("Nataliia", NameKind.Given, Sex.Female)));

        static (string, string) Pair((string Uk, string Ru, string Source) forms) => (forms.Uk, forms.Ru);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("123")]
    public void MissingNamesAreMissing(string? raw)
    {
        var forms = Names.GivenName(raw, Sex.Unknown);
        Assert.True(forms.IsMissing);
        Assert.Equal(string.Empty, forms.CanonicalKey);
    }

    [Fact]
    public void HostileTextNeverThrows()
    {
        var inputs = new[]
        {
            new string('я', 100_000), "Ол\0ег", "\uFEFFОлег\u200B", "𝔒𝔩𝔢𝔤", "Ол̈ег", "\uD800", "''''", "...", "О.Л.Е.Г.",
        };
        foreach (var input in inputs)
        {
            foreach (var kind in Enum.GetValues<NameKind>())
            {
                _ = Names.Analyse(input, kind, Sex.Unknown);
            }
        }
        Assert.Equal(Key("Олег"), Key("Ол\0ег"));
    }
}
