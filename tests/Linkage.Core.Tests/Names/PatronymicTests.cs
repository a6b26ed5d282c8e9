using Linkage.Names;
using Linkage.Records;

namespace Linkage.Tests.Names;

public class PatronymicTests
{
    private static readonly NameKnowledge Names = NameKnowledge.Default;

    private static string Key(string patronymic) => Names.Patronymic(patronymic, Sex.Unknown).CanonicalKey;

    [Theory]
    [InlineData("Ілліч", "Ильич", "Illich")]
    [InlineData("Якович", "Яковлевич", "Yakovlevich")]
    [InlineData("Миколайович", "Николаевич", "Nikolayevich")]
    [InlineData("Сергійович", "Сергеевич", "Serhiiovych")]
    [InlineData("Юріївна", "Юрьевна", "Юриевна")]
    [InlineData("Олександрівна", "Александровна", "Oleksandrivna")]
    [InlineData("Дмитрович", "Дмитриевич", "Dmitriyevich")]
    [InlineData("Васильович", "Васильевич", "Vasylovych")]
    [InlineData("Ігорівна", "Игоревна", "Igorevna")]
    [InlineData("Іллівна", "Ильинична", "Ilyinichna")]
    public void IrregularAndRegularPatronymicsMeetAcrossScripts(params string[] forms) =>
        Assert.Single(forms.Select(Key).Distinct());

    [Fact]
    public void ThePatronymicKeyIsTheFathersGivenNameKeyForBothSexes()
    {
        var father = Names.GivenName("Олександр", Sex.Male).CanonicalKey;
        Assert.Equal(father, Key("Олександрович"));
        Assert.Equal(father, Key("Александровна"));
    }

    [Theory]
    [InlineData("Іванович", "Іванівна", "Петрович")]
    [InlineData("Олегович", "Olegovich", "Олексійович")]
    public void DifferentFathersDoNotMeet(string a, string sameFather, string other)
    {
        Assert.Equal(Key(a), Key(sameFather));
        Assert.NotEqual(Key(a), Key(other));
    }

    [Fact]
    public void UnknownFathersMeetBySuffixRules()
    {
        Assert.Equal(Key("Гурійович"), Key("Гурьевич"));
        Assert.Equal(Key("Гуріївна"), Key("Гурьевна"));
        Assert.Equal("patronymic suffix rules", Names.Patronymic("Гурьевич", Sex.Male).KeySource);
    }

    [Fact]
    public void InitialOnlyPatronymic()
    {
        var forms = Names.Patronymic("І.", Sex.Male);
        Assert.True(forms.IsInitialOnly);
        Assert.Equal(Names.Patronymic("Иванович", Sex.Male).InitialKey, forms.InitialKey);
    }
}
