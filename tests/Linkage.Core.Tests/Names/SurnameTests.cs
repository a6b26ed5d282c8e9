using Linkage.Names;
using Linkage.Records;

namespace Linkage.Tests.Names;

public class SurnameTests
{
    private static readonly NameKnowledge Names = NameKnowledge.Default;

    private static string Key(string surname, Sex sex = Sex.Unknown) => Names.Surname(surname, sex).CanonicalKey;

    [Theory]
    [InlineData("Коваленко", "Kovalenko")]
    [InlineData("Лисенко", "Лысенко")]
    [InlineData("Олійник", "Олейник")]
    [InlineData("Поліщук", "Полищук")]
    [InlineData("Петрів", "Петров")]
    [InlineData("Петров", "Петрова")]
    [InlineData("Ковальський", "Ковальская")]
    [InlineData("Ковальська", "Ковальский")]
    [InlineData("Вишневецький", "Вишневецкий")]
    [InlineData("Кравець", "Кравец")]
    [InlineData("Пушкін", "Пушкина")]
    [InlineData("Ковальчук", "Ковальчук")]
    [InlineData("Гнатюк", "Gnatyuk")]
    [InlineData("Ткачов", "Ткачёва")]
    [InlineData("Соловйов", "Соловьёв")]
    [InlineData("Ivanоv", "Иванов")] // Cyrillic о inside a Latin word
    public void UkrainianRussianLatinAndBothSexesMeet(string a, string b) =>
        Assert.Equal(Key(a), Key(b));

    [Theory]
    [InlineData("Петренко", "Петрук")]
    [InlineData("Коваль", "Ковальчук")]
    [InlineData("Шевченко", "Шевчук")]
    [InlineData("Іванов", "Іваненко")]
    public void DifferentSurnamesDoNotMeet(string a, string b) =>
        Assert.NotEqual(Key(a), Key(b));

    [Fact]
    public void SuffixRulesAreNamedInTheKeySource()
    {
        Assert.Equal("surname suffix rules", Names.Surname("Ковальська", Sex.Female).KeySource);
        Assert.Equal("letter rules", Names.Surname("Коваленко", Sex.Female).KeySource);
    }

    [Fact]
    public void HyphenatedAndDoubleSurnamesKeepPartKeys()
    {
        var forms = Names.Surname("Іванова-Петренко", Sex.Female);
        Assert.Equal([Key("Иванова"), Key("Petrenko")], forms.PartKeys);
        Assert.Equal(forms.CanonicalKey, Key("Иванова – Петренко"));
        Assert.Equal(forms.CanonicalKey, Key("Ivanova Petrenko"));
    }

    [Theory]
    [InlineData("К.", "Коваленко")]
    [InlineData("К", "Kovalenko")]
    [InlineData("K.", "Коваленко")]
    [InlineData("І.", "Иванов")]
    [InlineData("И.", "Іваненко")]
    [InlineData("Є.", "Емець")]
    [InlineData("Ї.", "Ижак")]
    [InlineData("Ґ.", "Гудзь")]
    [InlineData("H.", "Гончар")]
    [InlineData("O.", "Олійник")]
    [InlineData("A.", "Андрієнко")]
    [InlineData("Ya.", "Ярошенко")]
    [InlineData("Shch.", "Щербак")]
    [InlineData("Kh.", "Хоменко")]
    [InlineData("Zh.", "Жук")]
    public void InitialsMeetFullSurnamesAcrossScripts(string initial, string surname)
    {
        var forms = Names.Surname(initial, Sex.Unknown);
        Assert.True(forms.IsInitialOnly);
        Assert.Equal(string.Empty, forms.CanonicalKey);
        Assert.Equal(Names.Surname(surname, Sex.Unknown).InitialKey, forms.InitialKey);
    }

    [Theory]
    [InlineData("К.", "Хоменко")]
    [InlineData("З.", "Жук")]
    [InlineData("O.", "Андрієнко")]
    public void DifferentInitialsDoNotMeet(string initial, string surname) =>
        Assert.NotEqual(Names.Surname(surname, Sex.Unknown).InitialKey, Names.Surname(initial, Sex.Unknown).InitialKey);
}
