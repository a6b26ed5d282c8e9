using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

public class TransliterationTests
{
    // Examples printed in the table of the Cabinet of Ministers resolution No. 55 (2010).
    [Theory]
    [InlineData("Алушта", "Alushta")]
    [InlineData("Борщагівка", "Borshchahivka")]
    [InlineData("Вінниця", "Vinnytsia")]
    [InlineData("Згорани", "Zghorany")]
    [InlineData("Ґалаґан", "Galagan")]
    [InlineData("Єнакієве", "Yenakiieve")]
    [InlineData("Їжакевич", "Yizhakevych")]
    [InlineData("Кадиївка", "Kadyivka")]
    [InlineData("Йосипівка", "Yosypivka")]
    [InlineData("Стрий", "Stryi")]
    [InlineData("Олексій", "Oleksii")]
    [InlineData("Юрій", "Yurii")]
    [InlineData("Корюківка", "Koriukivka")]
    [InlineData("Яготин", "Yahotyn")]
    [InlineData("Костянтин", "Kostiantyn")]
    [InlineData("Знам'янка", "Znamianka")]
    [InlineData("Феодосія", "Feodosiia")]
    [InlineData("Гоща", "Hoshcha")]
    [InlineData("Біла Церква", "Bila Tserkva")]
    public void Kmu2010FollowsTheNationalStandard(string ukrainian, string latin) =>
        Assert.Equal(latin, Transliteration.Kmu2010(ukrainian));

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
