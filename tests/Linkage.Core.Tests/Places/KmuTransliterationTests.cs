using Linkage.Places;

namespace Linkage.Tests.Places;

public class KmuTransliterationTests
{
    // The examples printed in the standard itself (Resolution No. 55 of the Cabinet of Ministers, 27.01.2010).
    [Theory]
    [InlineData("Алушта", "Alushta")]
    [InlineData("Борщагівка", "Borshchahivka")]
    [InlineData("Вінниця", "Vinnytsia")]
    [InlineData("Гадяч", "Hadiach")]
    [InlineData("Згорани", "Zghorany")]
    [InlineData("Ґалаґан", "Galagan")]
    [InlineData("Дон", "Don")]
    [InlineData("Рівне", "Rivne")]
    [InlineData("Єнакієве", "Yenakiieve")]
    [InlineData("Наєнко", "Naienko")]
    [InlineData("Житомир", "Zhytomyr")]
    [InlineData("Закарпаття", "Zakarpattia")]
    [InlineData("Медвин", "Medvyn")]
    [InlineData("Іршава", "Irshava")]
    [InlineData("Їжакевич", "Yizhakevych")]
    [InlineData("Кадиївка", "Kadyivka")]
    [InlineData("Йосипівка", "Yosypivka")]
    [InlineData("Стрий", "Stryi")]
    [InlineData("Олексій", "Oleksii")]
    [InlineData("Фастів", "Fastiv")]
    [InlineData("Харків", "Kharkiv")]
    [InlineData("Біла Церква", "Bila Tserkva")]
    [InlineData("Чернівці", "Chernivtsi")]
    [InlineData("Шостка", "Shostka")]
    [InlineData("Гоща", "Hoshcha")]
    [InlineData("Юрій", "Yurii")]
    [InlineData("Корюківка", "Koriukivka")]
    [InlineData("Яготин", "Yahotyn")]
    [InlineData("Костянтин", "Kostiantyn")]
    [InlineData("Знам'янка", "Znamianka")]
    [InlineData("Феодосія", "Feodosiia")]
    [InlineData("Розгон", "Rozghon")]
    public void FollowsTheStandardsExamples(string ukrainian, string latin)
    {
        Assert.Equal(latin, KmuTransliteration.ToLatin(ukrainian));
    }
}
