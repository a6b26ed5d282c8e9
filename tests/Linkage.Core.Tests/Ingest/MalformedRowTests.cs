using System.Text;
using Linkage.Ingest;
using Linkage.Records;

namespace Linkage.Tests.Ingest;

public sealed class MalformedRowTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private IngestResult<ListingRecord> ReadListings(string text) => RecordFileReader.ReadListings(temp.Write("listings.csv", text));

    private static void AssertReject(IngestReject reject, string file, long line, string? column, string reasonPart)
    {
        Assert.Equal(file, reject.File);
        Assert.Equal(line, reject.Line);
        Assert.Equal(column, reject.Column);
        Assert.Contains(reasonPart, reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongColumnCountsAreRejectedButTrailingEmptyFieldsAreNot()
    {
        var result = ReadListings(
            "listing_id,surname,given_name\n"
            + "L1,Коваль,Іван\n"
            + "L2,Коваль\n"              // too few
            + "L3,Коваль,Іван,зайве\n"   // a fourth field with text
            + "L4,Коваль,Іван,,\n");     // trailing delimiters only

        Assert.Equal(["L1", "L4"], result.Records.Select(r => r.ListingId));
        Assert.Equal(4, result.RowsRead);
        var path = result.File;
        AssertReject(result.Rejects[0], path, 3, null, "row has 2 fields where the header has 3");
        AssertReject(result.Rejects[1], path, 4, null, "row has 4 fields where the header has 3");
    }

    [Fact]
    public void EmptyIdIsRejectedAndBlankRowsAreSkipped()
    {
        var result = ReadListings("№,given_name\nL1,Анна\n  ,Ольга\n,,\n\n   \nL2,Ірина\n");

        Assert.Equal(["L1", "L2"], result.Records.Select(r => r.ListingId));
        AssertReject(Assert.Single(result.Rejects), result.File, 3, "№", "empty listing_id");
        Assert.Equal(3, result.RowsRead);
    }

    [Fact]
    public void DuplicateIdNamesBothLines()
    {
        var result = ReadListings("listing_id,given_name\nA,Анна\nB,Богдан\nA,Аліна\n");

        Assert.Equal(["A", "B"], result.Records.Select(r => r.ListingId));
        Assert.Equal("Анна", result.Records[0].Person.GivenName);
        AssertReject(Assert.Single(result.Rejects), result.File, 4, "listing_id", "duplicate listing_id 'A' (first on line 2)");
    }

    [Fact]
    public void ImpossibleDatesAreKeptAsWarningsNotRejects()
    {
        var result = ReadListings(
            "listing_id,scraped_at,birth_date\n"
            + "L1,2024-01-10,2014-02-30\n"
            + "L2,2024-01-10,2024-03\n"
            + "L3,yesterday,2014\n");

        Assert.Empty(result.Rejects);
        var invalid = result.Records[0].Person;
        Assert.True(invalid.BirthDate.IsMissing);
        Assert.Equal("2014-02-30", invalid.BirthDateText);
        Assert.Equal("birth_date", Assert.Single(invalid.Warnings).Field);
        // Born after the listing was scraped: impossible, judged against the scrape date.
        Assert.True(result.Records[1].Person.BirthDate.IsMissing);
        Assert.Equal("birth_date", Assert.Single(result.Records[1].Person.Warnings).Field);
        Assert.Null(result.Records[2].ScrapedAt);
        Assert.Equal("scraped_at", Assert.Single(result.Records[2].Person.Warnings).Field);
        Assert.Equal(2014, result.Records[2].Person.BirthDate.Year);
    }

    [Fact]
    public void UnknownSexIsKeptAsAWarning()
    {
        var person = Assert.Single(ReadListings("listing_id,sex\nL1,невідомо\n").Records).Person;

        Assert.Equal(Sex.Unknown, person.Sex);
        Assert.Equal("sex", Assert.Single(person.Warnings).Field);
    }

    [Fact]
    public void UnclosedQuoteMidFileCostsOnlyItsLine()
    {
        var result = ReadListings(
            "listing_id,given_name,notes\n"
            + "L1,Анна,ok\n"
            + "L2,\"Богдан,broken\n"
            + "L3,Віра,ok\n"
            + "L4,Галина,\"two\nlines\"\n"
            + "L5,Дарина,ok\n");

        Assert.Equal(["L1", "L3", "L4", "L5"], result.Records.Select(r => r.ListingId));
        Assert.Equal("two\nlines", result.Records[2].Person.Notes);
        AssertReject(Assert.Single(result.Rejects), result.File, 3, "given_name", "unbalanced quote");
    }

    [Fact]
    public void QuoteClosedLinesLaterByAnotherStrayQuoteDoesNotSwallowTheRowsBetween()
    {
        var result = ReadListings(
            "listing_id,given_name,notes\n"
            + "L1,\"Анна,a\n"
            + "L2,Богдан,b\n"
            + "L3,Віра,c\"\n"
            + "L4,Галина,d\n");

        // Line 4's quote sits inside unquoted text, so it is literal: the row is kept, with a warning.
        Assert.Equal(["L2", "L3", "L4"], result.Records.Select(r => r.ListingId));
        Assert.Equal("c\"", result.Records[1].Person.Notes);
        Assert.Equal("notes", Assert.Single(result.Records[1].Person.Warnings).Field);
        AssertReject(Assert.Single(result.Rejects), result.File, 2, "given_name", "runs over 2 more line(s)");
    }

    [Fact]
    public void MultiLineRowWithTextAfterItsClosingQuoteIsRejectedLineByLine()
    {
        var result = ReadListings("listing_id,notes\nL1,\"a\nb\"x\nL2,ok\n");

        Assert.Equal("L2", Assert.Single(result.Records).ListingId);
        AssertReject(result.Rejects[0], result.File, 2, "notes", "runs over 1 more line(s) and closes before stray text");
        AssertReject(result.Rejects[1], result.File, 3, null, "row has 1 fields where the header has 2");
    }

    [Fact]
    public void QuoteLeftOpenAtTheEndOfTheFileIsRejected()
    {
        var result = ReadListings("listing_id,notes\nL1,ok\nL2,\"never closed\nL3,still read\n");

        Assert.Equal(["L1", "L3"], result.Records.Select(r => r.ListingId));
        AssertReject(Assert.Single(result.Rejects), result.File, 3, "notes", "never closed before the end of the file");
    }

    [Fact]
    public void TextAfterAClosingQuoteIsRejectedAndAStrayQuoteInPlainTextIsKept()
    {
        var result = ReadListings("listing_id,notes\nL1,\"quoted\" tail\nL2,ООО \"Ромашка\"\n");

        var kept = Assert.Single(result.Records);
        Assert.Equal("ООО \"Ромашка\"", kept.Person.Notes);
        Assert.Equal("notes", Assert.Single(kept.Person.Warnings).Field);
        AssertReject(Assert.Single(result.Rejects), result.File, 2, "notes", "text follows the closing quote");
    }

    [Fact]
    public void TenMegabyteFieldIsRejectedWithoutStoppingTheFile()
    {
        var huge = new string('я', 10 * 1024 * 1024);
        var result = ReadListings($"listing_id,notes\nL1,ok\nL2,{huge}\nL3,\"{huge}\"\nL4,ok\n");

        Assert.Equal(["L1", "L4"], result.Records.Select(r => r.ListingId));
        AssertReject(result.Rejects[0], result.File, 3, "notes", "over the 1,048,576-byte limit");
        AssertReject(result.Rejects[1], result.File, 4, "notes", "over the 1,048,576-byte limit");
    }

    [Fact]
    public void FieldOverTheCharacterLimitIsRejected()
    {
        var result = ReadListings($"listing_id,notes\nL1,{new string('x', 70_000)}\nL2,{new string('x', 65_536)}\n");

        Assert.Equal("L2", Assert.Single(result.Records).ListingId);
        AssertReject(Assert.Single(result.Rejects), result.File, 2, "notes", "70,000 characters long");
    }

    [Fact]
    public void NulBytesAreRemovedWithAWarning()
    {
        var bytes = Encoding.UTF8.GetBytes("listing_id,surname,Колір очей\nL\01,Ко\0валь,си\0ні\n");
        var result = RecordFileReader.ReadListings(temp.WriteBytes("nul.csv", bytes));

        var listing = Assert.Single(result.Records);
        Assert.Equal("L1", listing.ListingId);
        Assert.Equal("Коваль", listing.Person.Surname);
        Assert.Equal(KeyValuePair.Create("Колір очей", "сині"), Assert.Single(listing.Person.ExtraFields));
        Assert.Equal(["listing_id", "surname", "Колір очей"], listing.Person.Warnings.Select(w => w.Field));
        Assert.All(listing.Person.Warnings, w => Assert.Equal("NUL characters removed", w.Message));
    }

    public void Dispose() => temp.Dispose();
}
