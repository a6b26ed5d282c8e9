using Linkage.Ingest;
using Linkage.Records;

namespace Linkage.Tests.Ingest;

public sealed class HeaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void RussianListingHeadersAreAliases()
    {
        var path = temp.Write("ru.csv",
            "ID анкеты;Источник;Дата сбора;Фамилия;Имя;Отчество;Пол;Дата рождения;Место рождения;Регион рождения;Регион размещения;Группа братьев и сестёр;Ссылка;Примечание\n"
            + "77;usynovite.ru;2024-05-01;К.;Кристина;Сергеевна;жен.;05.2015;Мариуполь;Донецкая область;Ростовская область;G1;https://example.org/77;характер спокойный\n");

        var listing = Assert.Single(RecordFileReader.ReadListings(path).Records);

        Assert.Equal("77", listing.ListingId);
        Assert.Equal("usynovite.ru", listing.Source);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), listing.ScrapedAt);
        Assert.Equal("Ростовская область", listing.PlacementRegion);
        Assert.Equal("https://example.org/77", listing.Url);
        var person = listing.Person;
        Assert.Equal(("К.", "Кристина", "Сергеевна", Sex.Female), (person.Surname, person.GivenName, person.Patronymic, person.Sex));
        Assert.Equal(new Linkage.Dates.PartialDate(2015, 5, 0), person.BirthDate);
        Assert.Equal(("Мариуполь", "Донецкая область", "G1", "характер спокойный"), (person.BirthPlace, person.BirthRegion, person.SiblingGroup, person.Notes));
        Assert.Empty(person.ExtraFields);
        Assert.Empty(person.Warnings);
    }

    [Theory]
    [InlineData("Ім'я")]
    [InlineData("Ім’я")]
    [InlineData("ім`я")]
    [InlineData(" ІМʼЯ ")]
    public void UkrainianReferenceHeadersAreAliasesWithAnyApostrophe(string givenNameHeader)
    {
        var path = temp.Write("uk.csv",
            $"\uFEFFНомер справи,Прізвище,{givenNameHeader},По батькові,Стать,Дата народження,Місце народження,Область народження,Група братів і сестер,Примітки\n"
            + "UA-1,Прокопенко,Маргарита,Олександрівна,жін.,2016-01-15,Херсон,Херсонська,S7,повідомлення НГО\n");

        var person = Assert.Single(RecordFileReader.ReadReferences(path).Records).Person;

        Assert.Equal(("Прокопенко", "Маргарита", "Олександрівна", Sex.Female), (person.Surname, person.GivenName, person.Patronymic, person.Sex));
        Assert.Equal(new Linkage.Dates.PartialDate(2016, 1, 15), person.BirthDate);
        Assert.Equal(("Херсон", "Херсонська", "S7", "повідомлення НГО"), (person.BirthPlace, person.BirthRegion, person.SiblingGroup, person.Notes));
    }

    [Theory]
    [InlineData("RECORD_ID", "Given Name")]
    [InlineData("Record Id", "given-name")]
    [InlineData("  record_id  ", "GIVEN_NAME")]
    public void HeadersMatchRegardlessOfCaseSpacingAndSeparators(string idHeader, string nameHeader)
    {
        var path = temp.Write("case.csv", $"{idHeader},{nameHeader}\nR1,Дмитро\n");

        var record = Assert.Single(RecordFileReader.ReadReferences(path).Records);

        Assert.Equal(("R1", "Дмитро"), (record.RecordId, record.Person.GivenName));
    }

    [Fact]
    public void ExtraColumnsAreKeptInFileOrderAndARepeatedColumnBecomesExtra()
    {
        var path = temp.Write("extra.csv",
            "Цвет глаз,listing_id,given_name,Группа здоровья,Имя,Форма устройства\n"
            + "карие,L1,Анна,II,Ганна,\n");

        var person = Assert.Single(RecordFileReader.ReadListings(path).Records).Person;

        Assert.Equal("Анна", person.GivenName);
        Assert.Equal(
            [KeyValuePair.Create("Цвет глаз", "карие"), KeyValuePair.Create("Группа здоровья", "II"), KeyValuePair.Create("Имя", "Ганна")],
            person.ExtraFields);
    }

    [Fact]
    public void ListingOnlyColumnsAreExtraInAReferencesFile()
    {
        var path = temp.Write("refs.csv", "record_id,source,url\nR1,ngo,https://example.org\n");

        var person = Assert.Single(RecordFileReader.ReadReferences(path).Records).Person;

        Assert.Equal([KeyValuePair.Create("source", "ngo"), KeyValuePair.Create("url", "https://example.org")], person.ExtraFields);
    }

    [Theory]
    [InlineData("Фамилия", "surname")]
    [InlineData("Прізвище", "surname")]
    [InlineData("Имя", "given_name")]
    [InlineData("Ім'я", "given_name")]
    [InlineData("Отчество", "patronymic")]
    [InlineData("По батькові", "patronymic")]
    [InlineData("Пол", "sex")]
    [InlineData("Стать", "sex")]
    [InlineData("Дата рождения", "birth_date")]
    [InlineData("Дата народження", "birth_date")]
    [InlineData("Место рождения", "birth_place")]
    [InlineData("Місце народження", "birth_place")]
    [InlineData("Регион рождения", "birth_region")]
    [InlineData("Область народження", "birth_region")]
    [InlineData("Регион размещения", "placement_region")]
    [InlineData("Группа братьев и сестер", "sibling_group")]
    [InlineData("Група братів і сестер", "sibling_group")]
    [InlineData("Источник", "source")]
    [InlineData("Джерело", "source")]
    [InlineData("Дата сбора", "scraped_at")]
    [InlineData("Ссылка", "url")]
    [InlineData("Посилання", "url")]
    [InlineData("Примечание", "notes")]
    [InlineData("Примітки", "notes")]
    [InlineData("ID", "listing_id")]
    public void AliasTableMapsTheIssueAliasesForListings(string header, string contractName)
    {
        Assert.True(ColumnAliases.TryFind(header, RecordContract.Listings, out var column));
        Assert.Equal(contractName, ColumnAliases.Name(column, RecordContract.Listings));
    }

    public void Dispose() => temp.Dispose();
}
