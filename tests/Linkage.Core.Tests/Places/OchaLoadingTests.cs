using Linkage.Places;

namespace Linkage.Tests.Places;

public sealed class OchaLoadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "linkage-ocha-" + Guid.NewGuid().ToString("N"));

    public OchaLoadingTests()
    {
        // A miniature file in OCHA's layout, with invented villages beside one authored city.
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "ocha_activityinfo_ukr_admin2.csv"), """
            Record ID,Oblast-Raion,Raion,Raion UKR,Admin2 Pcode,Oblast,Oblast UKR,Admin1 Pcode,LAT,LON
            r1,Donetska-Bakhmutskyi,Bakhmutskyi,Бахмутський,UA1402,Donetska,Донецька,UA14,48.6,38.0
            r2,Poltavska-Testovyi,Testovyi,Тестовий,UA5399,Poltavska,Полтавська,UA53,49.6,34.5
            """);
        File.WriteAllText(Path.Combine(_folder, "ocha_activityinfo_ukr_admin4.csv"), """
            Record ID,Oblast-Raion-Hormada-Settlement,Settlement EN,Settlement UKR,Admin4 Pcode,Admin3 Pcode,Admin2 Pcode,Admin1 Pcode,LAT,LON
            s1,Donetska-Bakhmutskyi-Bakhmutska-Bakhmut,Bakhmut,Бахмут,UA1402001001,UA1402001,UA1402,UA14,48.6,38.0
            s2,Donetska-Bakhmutskyi-Bakhmutska-Kvitucha,Kvitucha Balka,Квітуча Балка,UA1402001002,UA1402001,UA1402,UA14,48.6,38.0
            s3,Poltavska-Testovyi-Testova-Zorianivka,Zorianivka,Зорянівка,UA5399001001,UA5399001,UA5399,UA53,49.6,34.5
            s4,Donetska-Bakhmutskyi-Bakhmutska-Vyshneve,Vyshneve,Вишневе,UA1402001003,UA1402001,UA1402,UA14,48.6,38.0
            s5,Donetska-Bakhmutskyi-Bakhmutska-Petrivske,Petrivske,Петрівське,UA1402001004,UA1402001,UA1402,UA14,48.6,38.0
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AddsEverySettlementAndKeepsAuthoredOnes()
    {
        var gazetteer = Gazetteer.LoadWithOcha(_folder);
        Assert.Equal(Gazetteer.Default.SettlementCount + 4, gazetteer.SettlementCount);

        var village = gazetteer.Resolve("с. Квітуча Балка", null);
        Assert.Equal(1402, village.RaionId);
        Assert.Equal(14, village.OblastId);
        Assert.Equal(PlaceLevel.SameRaion, PlaceComparison.Compare(village, gazetteer.Resolve("Артёмовск", null)));
        Assert.Equal(village, gazetteer.Resolve("Kvitucha Balka", null));

        // Russian forms of villages are predicted from the Ukrainian name and match exactly.
        Assert.Equal(village.RaionId, gazetteer.Resolve("с. Вишнево", null).RaionId);
        Assert.False(gazetteer.Resolve("с. Вишнево", null).IsApproximate);
        Assert.False(gazetteer.Resolve("Петровское", "Донецкая обл.").IsApproximate);
        Assert.False(gazetteer.Resolve("Зоряновка", null).IsApproximate);

        // Authored places keep their ids, so records resolved against either gazetteer still compare.
        Assert.Equal(Gazetteer.Default.Resolve("Артёмовск", null), gazetteer.Resolve("Артёмовск", null));

        var elsewhere = gazetteer.Resolve("Зорянівка", null);
        Assert.Equal(5399, elsewhere.RaionId);
        Assert.Contains("Тестовий", gazetteer.Describe(elsewhere));
        Assert.True(Gazetteer.Default.Resolve("Зорянівка", null).IsUnresolved);
    }
}
