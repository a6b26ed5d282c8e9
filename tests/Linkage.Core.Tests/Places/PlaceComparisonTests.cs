using Linkage.Places;

namespace Linkage.Tests.Places;

public class PlaceComparisonTests
{
    private static PlaceLevel Compare(string? placeA, string? regionA, string? placeB, string? regionB)
    {
        var a = Gazetteer.Default.Resolve(placeA, regionA);
        var b = Gazetteer.Default.Resolve(placeB, regionB);
        var level = PlaceComparison.Compare(a, b);
        Assert.Equal(level, PlaceComparison.Compare(b, a));
        return level;
    }

    [Theory]
    [InlineData("Бахмут", "Донецька область", "г. Артёмовск", "ДНР")]
    [InlineData("Маріуполь", null, "Мариуполь", null)]
    [InlineData("Кадіївка", null, "Stakhanov", null)]
    [InlineData("Олешки", "Херсонська область", "Алёшки", "Херсонская область")]
    public void SameSettlementUnderAnyNameOrEra(string a, string? regionA, string b, string? regionB)
    {
        Assert.Equal(PlaceLevel.SameSettlement, Compare(a, regionA, b, regionB));
    }

    [Theory]
    [InlineData("Бахмут", "Соледар", PlaceLevel.SameRaion)]
    [InlineData("Бахмут", "Бахмутский район", PlaceLevel.SameRaion)]
    [InlineData("Бахмут", "Краматорськ", PlaceLevel.SameOblast)]
    [InlineData("Маріуполь", "Донецкая область", PlaceLevel.SameOblast)]
    [InlineData("Маріуполь", "ДНР", PlaceLevel.OccupationLabelConsistent)]
    [InlineData("Мелітополь", "Запорожская область", PlaceLevel.OccupationLabelConsistent)]
    [InlineData("Мелітополь", "Запорізька область", PlaceLevel.SameOblast)]
    [InlineData("Сімферополь", "Республика Крым", PlaceLevel.OccupationLabelConsistent)]
    [InlineData("Херсон", "Подольск", PlaceLevel.OneSideInRussia)]
    [InlineData("Маріуполь", "Ростовская область", PlaceLevel.OneSideInRussia)]
    [InlineData("Маріуполь", "Харків", PlaceLevel.ConflictingUkrainianPlaces)]
    [InlineData("Маріуполь", "ЛНР", PlaceLevel.ConflictingUkrainianPlaces)]
    [InlineData("Маріуполь", "Зеленопільськівка", PlaceLevel.Unresolved)]
    [InlineData("Маріуполь", "", PlaceLevel.Missing)]
    public void Levels(string a, string b, PlaceLevel expected)
    {
        Assert.Equal(expected, Compare(a, null, b, null));
    }

    [Fact]
    public void AnUnknownPlaceWithAKnownOblastComparesAtTheOblast()
    {
        Assert.Equal(PlaceLevel.SameOblast, Compare("Маріуполь", null, "Зеленопільськівка", "Донецкая обл."));
        Assert.Equal(PlaceLevel.ConflictingUkrainianPlaces, Compare("Маріуполь", null, "Зеленопільськівка", "Харьковская обл."));
    }

    [Fact]
    public void TheDocumentedCaseIsWeakNotAContradiction()
    {
        // Маргарита Прокопенко, born in Kherson, was re-registered as born in Podolsk.
        Assert.Equal(PlaceLevel.OneSideInRussia, Compare("м. Херсон", "Херсонська область", "г. Подольск", "Московская область"));
    }

    [Fact]
    public void LevelsAreDistinctAndMissingIsLast()
    {
        var levels = Enum.GetValues<PlaceLevel>();
        Assert.Equal(levels.Length, levels.Select(level => (int)level).Distinct().Count());
        Assert.Equal(PlaceLevel.Missing, levels.Max());
        Assert.True(PlaceLevel.OneSideInRussia < PlaceLevel.ConflictingUkrainianPlaces);
    }
}

public class PlaceComparisonAllocationTests
{
    private static readonly string[] Texts = ["Бахмут", "Соледар", "Маріуполь", "ДНР", "Подольск", "Харків", "Зеленопільськівка", ""];

    [Fact]
    public void ComparingAllocatesNothing()
    {
        var places = Texts.Select(text => Gazetteer.Default.Resolve(text, null)).ToArray();
        var counts = new int[Enum.GetValues<PlaceLevel>().Length];
        var allocated = SteadyState.AllocatedBytes(() =>
        {
            for (var round = 0; round < 1000; round++)
            {
                Count(places, counts);
            }
        });
        Assert.Equal(0, allocated);
    }

    private static void Count(PlaceRef[] places, int[] counts)
    {
        foreach (var a in places)
        {
            foreach (var b in places)
            {
                counts[(int)PlaceComparison.Compare(a, b)]++;
            }
        }
    }
}
