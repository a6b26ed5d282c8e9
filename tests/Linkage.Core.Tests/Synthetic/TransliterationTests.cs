using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

public class TransliterationTests
{
    [Theory]
    [InlineData("Лысенко", "Lysenko")]
    [InlineData("Олейник", "Oleynik")]
    [InlineData("Ковальский", "Kovalsky")]
    [InlineData("Дмитрий", "Dmitry")]
    [InlineData("Щербаков", "Shcherbakov")]
    [InlineData("Артём", "Artyom")]
    public void InformalEnglishIsWrittenFromTheRussianForm(string russian, string latin) =>
        Assert.Equal(latin, Transliteration.InformalFromRussian(russian));
}
