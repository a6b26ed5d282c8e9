using System.Text;
using Linkage.Ingest;
using Linkage.Records;

namespace Linkage.Tests.Ingest;

public sealed class EncodingAndDelimiterTests : IDisposable
{
    private const string Ukrainian = "record_id,surname,given_name,patronymic,sex,birth_date\nR1,Прізвище,Ґанна,Олексіївна,ж,2014-03-12\nR2,Їжак,Євген,Ігорович,ч,2012\n";
    private readonly TempDirectory temp = new();

    static EncodingAndDelimiterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf-8", "UTF-8" },
        { "utf-8-bom", "UTF-8 (BOM)" },
        { "utf-16le-bom", "UTF-16LE (BOM)" },
        { "utf-16be-bom", "UTF-16BE (BOM)" },
        { "utf-16le", "UTF-16LE" },
        { "utf-16be", "UTF-16BE" },
        { "windows-1251", "Windows-1251" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void ReadsEachEncoding(string encodingKey, string expectedName)
    {
        Encoding encoding = encodingKey switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le-bom" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be-bom" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
            _ => Encoding.GetEncoding(1251),
        };
        var path = temp.Write($"{encodingKey}.csv", Ukrainian, encoding);

        var result = RecordFileReader.ReadReferences(path);

        Assert.Equal(expectedName, result.EncodingName);
        Assert.Empty(result.Rejects);
        Assert.Equal(["R1", "R2"], result.Records.Select(r => r.RecordId));
        var first = result.Records[0].Person;
        Assert.Equal(("Прізвище", "Ґанна", "Олексіївна", Sex.Female), (first.Surname, first.GivenName, first.Patronymic, first.Sex));
        Assert.Equal(new Linkage.Dates.PartialDate(2014, 3, 12), first.BirthDate);
        Assert.Equal(("Їжак", "Євген", Sex.Male), (result.Records[1].Person.Surname, result.Records[1].Person.GivenName, result.Records[1].Person.Sex));
    }

    [Fact]
    public void ReadsATypicalScrapedExportInWindows1251WithSemicolonsAndCrlf()
    {
        var text = "ID анкеты;Фамилия;Имя;Пол;Дата рождения;Регион размещения;Цвет глаз\r\n"
            + "50123;М.;Вероника;жен.;2016 г.р.;Московская область;карие\r\n"
            + "50124;Ё.;Артём;муж.;11.2012;Ростовская область;\"серые; голубые\"\r\n";
        var path = temp.Write("scraped.csv", text, Encoding.GetEncoding(1251));

        var result = RecordFileReader.ReadListings(path);

        Assert.Equal(("Windows-1251", "semicolon"), (result.EncodingName, result.DelimiterName));
        Assert.Empty(result.Rejects);
        var second = result.Records[1];
        Assert.Equal(("50124", "Ё.", "Артём", Sex.Male), (second.ListingId, second.Person.Surname, second.Person.GivenName, second.Person.Sex));
        Assert.Equal(new Linkage.Dates.PartialDate(2012, 11, 0), second.Person.BirthDate);
        Assert.Equal(KeyValuePair.Create("Цвет глаз", "серые; голубые"), Assert.Single(second.Person.ExtraFields));
        Assert.Equal(2016, result.Records[0].Person.BirthDate.Year);
    }

    [Fact]
    public void Utf8WithAFewDamagedBytesStaysUtf8()
    {
        var good = Encoding.UTF8.GetBytes("record_id,surname\nR1,Шевченко\nR2,Коваленко\nR3,Бондаренко\n");
        var damaged = good.Concat(new byte[] { (byte)'R', (byte)'4', (byte)',', 0xC3, (byte)'\n' }).ToArray();
        var path = temp.WriteBytes("damaged.csv", damaged);

        var result = RecordFileReader.ReadReferences(path);

        Assert.Equal("UTF-8", result.EncodingName);
        Assert.Equal("Бондаренко", result.Records[2].Person.Surname);
        Assert.Equal("\uFFFD", result.Records[3].Person.Surname);
    }

    [Theory]
    [InlineData(',', "comma")]
    [InlineData(';', "semicolon")]
    [InlineData('\t', "tab")]
    public void DetectsEachDelimiter(char delimiter, string expectedName)
    {
        // The other candidate delimiters appear inside quoted values and unquoted text, and must not be mistaken for it.
        var others = string.Concat(",;\t".Where(c => c != delimiter));
        var text = string.Join(delimiter, "\"listing_id\"", "surname", "notes") + "\n"
            + string.Join(delimiter, "L1", "Іваненко", $"\"a{others}b\"") + "\n"
            + string.Join(delimiter, "L2", "Петренко", "plain") + "\n";
        var path = temp.Write("delimited.csv", text);

        var result = RecordFileReader.ReadListings(path);

        Assert.Equal(expectedName, result.DelimiterName);
        Assert.Empty(result.Rejects);
        Assert.Equal($"a{others}b", result.Records[0].Person.Notes);
        Assert.Equal("Петренко", result.Records[1].Person.Surname);
    }

    [Fact]
    public void QuotedFieldsSpanLinesAndLineNumbersStayPhysical()
    {
        var text = "listing_id,given_name,notes\r\n"
            + "L1,Олена,\"first line\r\nsecond line\nthird, with comma and \"\"quote\"\"\"\r\n"
            + "\r\n"
            + "L2,Марія,\n"
            + "L2,Дубль,\n";
        var path = temp.Write("multiline.csv", text);

        var result = RecordFileReader.ReadListings(path);

        Assert.Equal(["L1", "L2"], result.Records.Select(r => r.ListingId));
        Assert.Equal("first line\r\nsecond line\nthird, with comma and \"quote\"", result.Records[0].Person.Notes);
        // Header line 1, L1 lines 2-4, blank line 5, L2 line 6, its duplicate line 7.
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(7, reject.Line);
        Assert.Contains("first on line 6", reject.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
