using Linkage.Normalization;
using Linkage.Places;
using static Linkage.Tests.Places.GazetteerTests;

namespace Linkage.Tests.Places;

/// <summary>
/// The third pass over the embedded gazetteer: small urban settlements of Donetsk and Luhansk oblasts (mining
/// settlements inside city councils), places OCHA's list lacks, and corrected rows. Each is looked up under the
/// forms a birth record may carry: Ukrainian, Russian, Latin, a former name, a typo, a settlement-type prefix.
/// </summary>
public class GazetteerCompletenessTests
{
    private static readonly Gazetteer Places = Gazetteer.Default;

    [Theory]
    [InlineData("Ханжонкове", 14, 1408)]
    [InlineData("Ханжонково", 14, 1408)]
    [InlineData("Олексієво-Орлівка", 14, 1406)]
    [InlineData("Алексеево-Орловка", 14, 1406)]
    [InlineData("Майорськ", 14, 1402)]
    [InlineData("Майорск", 14, 1402)]
    [InlineData("Керамік", 14, 1416)]
    [InlineData("Керамик", 14, 1416)]
    [InlineData("Святогорівка", 14, 1416)]
    [InlineData("Красна Гора", 14, 1402)]
    [InlineData("Красная Гора", 14, 1402)]
    [InlineData("Грузско-Ломовка", 14, 1408)]
    [InlineData("Троицко-Харцызск", 14, 1408)]
    [InlineData("Чорнухине", 44, 4402)]
    [InlineData("Чернухино", 44, 4402)]
    [InlineData("Бірюкове", 44, 4404)]
    [InlineData("Бирюково", 44, 4404)]
    [InlineData("Дзеркальний", 44, 4408)]
    [InlineData("Зеркальный", 44, 4408)]
    [InlineData("Лотикове", 44, 4402)]
    [InlineData("Лотиково", 44, 4402)]
    [InlineData("Боково-Платово", 44, 4408)]
    [InlineData("Южная Ломоватка", 44, 4402)]
    [InlineData("Сивашское", 65, 6504)]
    [InlineData("Білий Колодязь", 63, 6314)]
    [InlineData("Белый Колодезь", 63, 6314)]
    [InlineData("Кацівелі", 1, 120)]
    [InlineData("Кацивели", 1, 120)]
    public void AddedSettlementsResolveInTheirOblastAndRaion(string name, int oblast, int raion)
    {
        var settlement = Settlement(name);
        Assert.Equal(oblast, settlement.OblastId);
        Assert.Equal(raion, settlement.RaionId);
    }

    [Fact]
    public void TheRegionPicksTheLuhanskYuvileineOverKhersons()
    {
        // Ювілейне is an urban settlement in both Kherson and Luhansk oblasts; the region decides.
        Assert.Equal(65, Settlement("Ювілейне").OblastId);
        Assert.Equal(4406, Settlement("пгт Юбилейное", "ЛНР").RaionId);
        Assert.Equal(4406, Settlement("Юбилейное", "Луганская обл.").RaionId);
    }

    [Fact]
    public void TheRegionPicksMykolaivsFormerPervomaiskeOverTheCurrentOnes()
    {
        // Первомайське is a current name in Crimea and Donetsk oblast and the former name of Mykolaiv oblast's Заводське.
        Assert.Equal("Заводське", Settlement("пгт Первомайское", "Николаевская обл.").Ukrainian);
        Assert.Equal(4806, Settlement("Заводське").RaionId);
        Assert.NotEqual(48, Settlement("Первомайське", "Донецька область").OblastId);
    }

    [Theory]
    [InlineData("Боково-Хрустальне", "Вахрушеве")]
    [InlineData("Боково-Хрустальне", "Вахрушево")]
    [InlineData("Софіївка", "Карло-Марксове")]
    [InlineData("Софіївка", "Карло-Марксово")]
    [InlineData("Буран", "Енгельсове")]
    [InlineData("Буран", "Энгельсово")]
    [InlineData("Дебальцівське", "Коммуна")]
    [InlineData("Метьолчине", "Метьолкіне")]
    [InlineData("Метьолчине", "Метёлкино")]
    [InlineData("Сімейчине", "Семейкино")]
    [InlineData("Кам'янка", "Більмак")]
    [InlineData("Кам'янка", "Бильмак")]
    [InlineData("Благодатне", "Желанное")]
    [InlineData("Попова Балка", "Кутейниково")]
    public void FormerNamesOfAddedAndCorrectedRowsResolveToTheCurrentName(string current, string former)
    {
        var resolved = Places.Resolve(former, null);
        Assert.Equal(current, Settlement(former).Ukrainian);
        Assert.False(resolved.IsApproximate);
    }

    [Fact]
    public void AFormerNameAndTheCurrentOneCompareAsTheSameSettlement()
    {
        Assert.Equal(PlaceLevel.SameSettlement, PlaceComparison.Compare(Places.Resolve("Вахрушево", null), Places.Resolve("Боково-Хрустальне", null)));
        Assert.Equal(PlaceLevel.SameSettlement, PlaceComparison.Compare(Places.Resolve("Энгельсово", null), Places.Resolve("смт Буран", null)));
        Assert.Equal(PlaceLevel.SameSettlement, PlaceComparison.Compare(Places.Resolve("Метёлкино", null), Places.Resolve("Метьолчине", null)));
        // Софіївка is a common name: with the Yenakiieve raion known, the former name still meets its row.
        var sofiivka = Places.Resolve("Карло-Марксово", null);
        Assert.Equal(1406, sofiivka.RaionId);
        Assert.Equal(PlaceLevel.SameRaion, PlaceComparison.Compare(sofiivka, Places.Resolve("Єнакієве", null)));
    }

    [Fact]
    public void VakhrusheveIsACityAndBokovoAntratsytIsNoLongerItsFormerName()
    {
        // Вахрушеве (a city since 1963) was renamed Боково-Хрустальне in 2016; Боково-Антрацит was the name of
        // Антрацит until 1962, not of any urban settlement, so it must not lead to Боково-Хрустальне.
        Assert.Equal(SettlementKind.City, Settlement("Вахрушево").Kind);
        Assert.False(Places.Resolve("Боково-Антрацит", null).SettlementId == Places.Resolve("Вахрушево", null).SettlementId);
    }

    [Fact]
    public void BilmakIsInPolohyRaionOfZaporizhzhia()
    {
        var bilmak = Settlement("пгт Куйбышево", "Запорожская область");
        Assert.Equal("Кам'янка", bilmak.Ukrainian);
        Assert.Equal(2310, bilmak.RaionId);
    }

    [Theory]
    [InlineData("Khanzhonkove", "Ханжонкове")]
    [InlineData("Chornukhyne", "Чорнухине")]
    [InlineData("Keramik", "Керамік")]
    [InlineData("Sviatohorivka", "Святогорівка")]
    [InlineData("Bokovo-Khrustalne", "Боково-Хрустальне")]
    [InlineData("Katsiveli", "Кацівелі")]
    [InlineData("Metolchyne", "Метьолчине")]
    public void KmuLatinNamesOfAddedSettlementsResolve(string latin, string ukrainian)
    {
        Assert.Equal(ukrainian, Settlement(latin).Ukrainian);
    }

    [Theory]
    [InlineData("Ханжонкого", "Ханжонкове")]
    [InlineData("Чернухинo", "Чорнухине")] // Latin o typed in Cyrillic text
    [InlineData("Святогоровкa", "Святогорівка")]
    [InlineData("Вахрущево", "Боково-Хрустальне")]
    [InlineData("Карло-Маркосово", "Софіївка")]
    public void TypoedFormsOfAddedSettlementsResolve(string typo, string ukrainian)
    {
        Assert.Equal(ukrainian, Settlement(typo).Ukrainian);
    }

    [Theory]
    [InlineData("пгт Ханжонково", "Ханжонкове")]
    [InlineData("смт. Чорнухине", "Чорнухине")]
    [InlineData("пос. Керамик, ДНР", "Керамік")]
    [InlineData("г. Вахрушево, ЛНР", "Боково-Хрустальне")]
    public void PrefixesAndLabelsAroundAddedSettlementsAreIgnored(string text, string ukrainian)
    {
        Assert.Equal(ukrainian, Settlement(text).Ukrainian);
    }

    [Fact]
    public void NoOblastAndRaionHoldsTwoRowsOfOneName()
    {
        // Two rows of one name in one raion would make one of them unreachable; different raions are fine.
        var duplicates = Places.Settlements
            .Where(place => !place.InRussia)
            .GroupBy(place => (place.OblastId, place.RaionId, Name: TextNormalizer.Fold(place.Ukrainian)))
            .Where(group => group.Count() > 1)
            .Select(group => group.Key.Name)
            .ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void EveryFocusRegionRowHasARaionOfItsOblast()
    {
        var missing = Places.Settlements
            // Sevastopol (85) has no raions.
            .Where(place => GazetteerCoverage.FocusOblasts.Contains(place.OblastId) && place.OblastId != 85 && !place.InRussia)
            .Where(place => place.RaionId / 100 != place.OblastId)
            .Select(place => place.Ukrainian)
            .ToList();
        Assert.Empty(missing);
    }
}
