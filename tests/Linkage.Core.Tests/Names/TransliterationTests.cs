using Linkage.Names.Transliteration;

namespace Linkage.Tests.Names;

public class TransliterationTests
{
    // Examples printed in the table of KMU Resolution No. 55 (27.01.2010).
    [Theory]
    [InlineData("Алушта", "Alushta")]
    [InlineData("Андрій", "Andrii")]
    [InlineData("Борщагівка", "Borshchahivka")]
    [InlineData("Борисенко", "Borysenko")]
    [InlineData("Вінниця", "Vinnytsia")]
    [InlineData("Володимир", "Volodymyr")]
    [InlineData("Гадяч", "Hadiach")]
    [InlineData("Богдан", "Bohdan")]
    [InlineData("Згурський", "Zghurskyi")]
    [InlineData("Ґалаґан", "Galagan")]
    [InlineData("Ґорґани", "Gorgany")]
    [InlineData("Донецьк", "Donetsk")]
    [InlineData("Дмитро", "Dmytro")]
    [InlineData("Рівне", "Rivne")]
    [InlineData("Олег", "Oleh")]
    [InlineData("Есмань", "Esman")]
    [InlineData("Єнакієве", "Yenakiieve")]
    [InlineData("Гаєвич", "Haievych")]
    [InlineData("Короп'є", "Koropie")]
    [InlineData("Житомир", "Zhytomyr")]
    [InlineData("Жанна", "Zhanna")]
    [InlineData("Жежелів", "Zhezheliv")]
    [InlineData("Закарпаття", "Zakarpattia")]
    [InlineData("Казимирчук", "Kazymyrchuk")]
    [InlineData("Медвин", "Medvyn")]
    [InlineData("Михайленко", "Mykhailenko")]
    [InlineData("Іванків", "Ivankiv")]
    [InlineData("Іващенко", "Ivashchenko")]
    [InlineData("Їжакевич", "Yizhakevych")]
    [InlineData("Кадиївка", "Kadyivka")]
    [InlineData("Мар'їне", "Marine")]
    [InlineData("Йосипівка", "Yosypivka")]
    [InlineData("Стрий", "Stryi")]
    [InlineData("Олексій", "Oleksii")]
    [InlineData("Київ", "Kyiv")]
    [InlineData("Коваленко", "Kovalenko")]
    [InlineData("Лебедин", "Lebedyn")]
    [InlineData("Леонід", "Leonid")]
    [InlineData("Миколаїв", "Mykolaiv")]
    [InlineData("Маринич", "Marynych")]
    [InlineData("Ніжин", "Nizhyn")]
    [InlineData("Наталія", "Nataliia")]
    [InlineData("Одеса", "Odesa")]
    [InlineData("Онищенко", "Onyshchenko")]
    [InlineData("Полтава", "Poltava")]
    [InlineData("Петро", "Petro")]
    [InlineData("Решетилівка", "Reshetylivka")]
    [InlineData("Рибчинський", "Rybchynskyi")]
    [InlineData("Суми", "Sumy")]
    [InlineData("Соломія", "Solomiia")]
    [InlineData("Тернопіль", "Ternopil")]
    [InlineData("Троць", "Trots")]
    [InlineData("Ужгород", "Uzhhorod")]
    [InlineData("Уляна", "Uliana")]
    [InlineData("Фастів", "Fastiv")]
    [InlineData("Філіпчук", "Filipchuk")]
    [InlineData("Харків", "Kharkiv")]
    [InlineData("Христина", "Khrystyna")]
    [InlineData("Біла Церква", "Bila Tserkva")]
    [InlineData("Стеценко", "Stetsenko")]
    [InlineData("Чернівці", "Chernivtsi")]
    [InlineData("Шевченко", "Shevchenko")]
    [InlineData("Шостка", "Shostka")]
    [InlineData("Кишеньки", "Kyshenky")]
    [InlineData("Щербухи", "Shcherbukhy")]
    [InlineData("Гоща", "Hoshcha")]
    [InlineData("Гаращенко", "Harashchenko")]
    [InlineData("Юрій", "Yurii")]
    [InlineData("Корюківка", "Koriukivka")]
    [InlineData("Яготин", "Yahotyn")]
    [InlineData("Ярошенко", "Yaroshenko")]
    [InlineData("Костянтин", "Kostiantyn")]
    [InlineData("Знам'янка", "Znamianka")]
    [InlineData("Феодосія", "Feodosiia")]
    [InlineData("Згорани", "Zghorany")]
    [InlineData("Розгон", "Rozghon")]
    public void Kmu2010MatchesTheResolutionExamples(string cyrillic, string latin) =>
        Assert.Equal(latin, Transliterator.Get("uk-kmu-2010").Transliterate(cyrillic));

    [Fact]
    public void Kmu2010TreatsEveryApostropheVariantAlike() =>
        Assert.Equal("Znamianka", Transliterator.Get("uk-kmu-2010").Transliterate("Знамʼянка"));

    // Samples published with the nalgeon/iuliia implementations of the Russian standards.
    [Theory]
    [InlineData("ru-icao-9303", "Юлия Щеглова", "Iuliia Shcheglova")]
    [InlineData("ru-icao-9303", "Гайа Васильева", "Gaia Vasileva")]
    [InlineData("ru-icao-9303", "Андрей Видный", "Andrei Vidnyi")]
    [InlineData("ru-icao-9303", "Артём Краевой", "Artem Kraevoi")]
    [InlineData("ru-icao-9303", "Мадыр Чёткий", "Madyr Chetkii")]
    [InlineData("ru-icao-9303", "съешь ещё", "sieesh eshche")]
    [InlineData("ru-mvd-310-1997", "Юлия Щеглова", "Yuliya Shcheglova")]
    [InlineData("ru-mvd-310-1997", "Гайа Васильева", "Gaya Vasilyeva")]
    [InlineData("ru-mvd-310-1997", "Андрей Видный", "Andrey Vidnyy")]
    [InlineData("ru-mvd-310-1997", "съешь", "syesh'")]
    [InlineData("ru-mvd-782-2000", "Юлия Щеглова", "Yuliya Shcheglova")]
    [InlineData("ru-mvd-782-2000", "Гайа Васильева", "Gaya Vasilyeva")]
    [InlineData("ru-mvd-782-2000", "Андрей Видный", "Andrey Vidnyy")]
    [InlineData("ru-mvd-782-2000", "Артём Краевой", "Artyem Krayevoy")]
    [InlineData("ru-mvd-782-2000", "Мадыр Чёткий", "Madyr Chetkiy")]
    [InlineData("ru-gost-7.79-b", "Юлия, съешь ещё этих мягких французских булок из Йошкар-Олы, да выпей алтайского чаю",
        "Yuliya, s``esh` eshhyo e`tix myagkix franczuzskix bulok iz Joshkar-Oly`, da vy`pej altajskogo chayu")]
    [InlineData("ru-bgn-pcgn", "Елизово", "Yelizovo")]
    [InlineData("ru-bgn-pcgn", "Чапаевск", "Chapayevsk")]
    [InlineData("ru-bgn-pcgn", "Мейеровка", "Meyyerovka")]
    [InlineData("ru-bgn-pcgn", "Юрьев объезд", "Yur’yev ob”yezd")]
    [InlineData("ru-bgn-pcgn", "Россия, город Йошкар-Ола, улица Яна Крастыня", "Rossiya, gorod Yoshkar-Ola, ulitsa Yana Krastynya")]
    public void RussianSchemesMatchTheirPublishedSamples(string scheme, string cyrillic, string latin) =>
        Assert.Equal(latin, Transliterator.Get(scheme).Transliterate(cyrillic));

    // BGN/PCGN 1965 Ukrainian gazetteer spellings.
    [Theory]
    [InlineData("Київ", "Kyyiv")]
    [InlineData("Львів", "L’viv")]
    [InlineData("Запоріжжя", "Zaporizhzhya")]
    [InlineData("Харків", "Kharkiv")]
    public void UkrainianBgnMatchesGazetteerSpellings(string cyrillic, string latin) =>
        Assert.Equal(latin, Transliterator.Get("uk-bgn-pcgn").Transliterate(cyrillic));

    // Passport 2007 differs from KMU-2010 by g for г and no word-initial forms; GOST 7.79 B marks и and ґ with `.
    [Theory]
    [InlineData("uk-passport-2007", "Григорій", "Grygorii")]
    [InlineData("uk-passport-2007", "Юлія", "Iuliia")]
    [InlineData("uk-passport-2007", "Євген", "Ievgen")]
    [InlineData("uk-gost-7.79-b", "Ґалаґан", "G`alag`an")]
    [InlineData("uk-gost-7.79-b", "Київ", "Ky`yiv")]
    [InlineData("uk-gost-7.79-b", "Цибуля Церква", "Cy`bulya Cerkva")]
    public void OtherUkrainianSchemesFollowTheirTables(string scheme, string cyrillic, string latin) =>
        Assert.Equal(latin, Transliterator.Get(scheme).Transliterate(cyrillic));

    [Fact]
    public void AllCapitalsStayCapitals() =>
        Assert.Equal("SHCHERBUKHY", Transliterator.Get("uk-kmu-2010").Transliterate("ЩЕРБУХИ"));

    [Fact]
    public void EveryStandardOfTheIssueIsShipped()
    {
        var ids = Transliterator.Schemes.Select(s => s.Id).ToHashSet();
        Assert.Superset(ids.ToHashSet(), new HashSet<string>
        {
            "uk-kmu-2010", "uk-passport-2007", "uk-bgn-pcgn", "uk-gost-7.79-b",
            "ru-icao-9303", "ru-mvd-310-1997", "ru-mvd-782-2000", "ru-bgn-pcgn", "ru-gost-7.79-b",
        });
        Assert.Equal("uk-kmu-2010", Transliterator.Schemes[0].Id);
    }

    [Theory]
    [InlineData("Kharkiv", "Харків")]
    [InlineData("Yaroshenko", "Ярошенко")]
    [InlineData("Shevchenko", "Шевченко")]
    [InlineData("Znamianka", "Знамянка")]
    [InlineData("Yizhakevych", "Їжакевич")]
    public void LatinToUkrainianCyrillicByRules(string latin, string ukrainian) =>
        Assert.Equal(ukrainian, Transliterator.ToCyrillic(latin).Ukrainian);

    [Theory]
    [InlineData("Kharkov", "Харков")]
    [InlineData("Shcheglova", "Щеглова")]
    [InlineData("Vidnyy", "Видный")]
    [InlineData("Yelizovo", "Елизово")]
    public void LatinToRussianCyrillicByRules(string latin, string russian) =>
        Assert.Equal(russian, Transliterator.ToCyrillic(latin).Russian);
}
