using Linkage.Records;
using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

public class RussificationTests
{
    [Theory]
    [InlineData("Олійник", "Олійник", Sex.Male, "Олейник")]
    [InlineData("Олійник", "Олійник", Sex.Female, "Олейник")]
    [InlineData("Ковальський", "Ковальська", Sex.Male, "Ковальский")]
    [InlineData("Ковальський", "Ковальська", Sex.Female, "Ковальская")]
    [InlineData("Левицький", "Левицька", Sex.Female, "Левицкая")]
    [InlineData("Петрів", "Петрів", Sex.Male, "Петров")]
    [InlineData("Петрів", "Петрів", Sex.Female, "Петрова")]
    [InlineData("Кузнєцов", "Кузнєцова", Sex.Female, "Кузнецова")]
    [InlineData("Задорожний", "Задорожна", Sex.Male, "Задорожный")]
    [InlineData("Задорожний", "Задорожна", Sex.Female, "Задорожная")]
    [InlineData("Осадчий", "Осадча", Sex.Male, "Осадчий")]
    [InlineData("Мірошниченко", "Мірошниченко", Sex.Female, "Мирошниченко")]
    [InlineData("Дем'яненко", "Дем'яненко", Sex.Male, "Демьяненко")]
    [InlineData("Заїченко", "Заїченко", Sex.Male, "Заиченко")]
    [InlineData("Литвин", "Литвин", Sex.Female, "Литвин")]
    public void SurnamesFollowTheClerkRules(string male, string female, Sex sex, string russian) =>
        Assert.Equal(russian, Russification.Surname(new Surname(male, female, null), sex));

    [Fact]
    public void AStoredRussianFormWinsOverTheRulesAndDeclines()
    {
        var surname = new Surname("Білий", "Біла", "Белый");
        Assert.Equal("Белый", Russification.Surname(surname, Sex.Male));
        Assert.Equal("Белая", Russification.Surname(surname, Sex.Female));
    }

    [Theory]
    [InlineData("Кирило", nameof(Russification.LetterStyle.Visual), "Кирило")]
    [InlineData("Михайло", nameof(Russification.LetterStyle.Phonetic), "Мыхайло")]
    [InlineData("Миколайович", nameof(Russification.LetterStyle.Phonetic), "Мыколайовыч")]
    [InlineData("Сергіївна", nameof(Russification.LetterStyle.Visual), "Сергиивна")]
    [InlineData("Євген", nameof(Russification.LetterStyle.Visual), "Евген")]
    [InlineData("Ілля", nameof(Russification.LetterStyle.Clerk), "Илля")]
    public void LetterByLetterCopiesUseOnlyRussianLetters(string ukrainian, string style, string russian) =>
        Assert.Equal(russian, Russification.Letters(ukrainian, Enum.Parse<Russification.LetterStyle>(style)));
}
