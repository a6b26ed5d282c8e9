using System.Globalization;
using System.Net;
using System.Text.Json;
using Linkage.Review.Store;
using Linkage.Review.Tests.Infrastructure;

namespace Linkage.Review.Tests.Web;

public class ExportTests(ReviewAppFactory factory) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task The_csv_export_holds_confirmed_matches_with_no_formula_cells()
    {
        var formula = factory.PairOf("L-1006").Key();
        var plain = factory.PairOf("L-1001").Key();
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        foreach (var (key, note) in new[] { (formula, TestData.Formula), (plain, "-checked against the register") })
        {
            using var decided = await client.Decide(await client.Page(ReviewClient.PairUrl(key)), key, ReviewStatus.Confirmed, note);
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }

        using var response = await client.Http.GetAsync(new Uri("/export/confirmed.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var cells = ParseCsv(csv);

        Assert.Equal("reference_id", cells[0][0]);
        Assert.Equal(factory.Store.ReadConfirmed().Count, cells.Count - 1);
        // A plain number (a negative match weight) is data a spreadsheet reads as a number, never as a formula.
        Assert.All(cells.SelectMany(row => row), cell => Assert.False(
            cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _), cell));
        var formulaRow = cells.Single(row => row[1] == formula.ListingId);
        Assert.Equal("'" + TestData.Formula, formulaRow[^1]);
        Assert.Equal("'-checked against the register", cells.Single(row => row[1] == plain.ListingId)[^1]);
    }

    [Fact]
    public async Task The_json_export_carries_the_evidence_of_each_confirmed_match()
    {
        var match = factory.PairOf("L-1002");
        var client = await ReviewClient.SignIn(factory, ReviewAppFactory.Reviewer);
        using var decided = await client.Decide(await client.Page(ReviewClient.PairUrl(match.Key())), match.Key(), ReviewStatus.Confirmed, "");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        using var document = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/export/confirmed.json", UriKind.Relative)));
        var exported = document.RootElement.EnumerateArray().Single(e => e.GetProperty("listing_id").GetString() == match.ListingId);
        Assert.Equal(match.ReferenceId, exported.GetProperty("reference_id").GetString());
        Assert.Equal(ReviewAppFactory.Reviewer, exported.GetProperty("decided_by").GetString());
        Assert.Equal(
            match.Evidence.Select(e => (e.Comparison, e.Level, e.Weight)),
            exported.GetProperty("evidence").EnumerateArray().Select(e =>
                (e.GetProperty("comparison").GetString()!, e.GetProperty("level").GetString()!, e.GetProperty("weight").GetDouble())));
    }

    /// <summary>A minimal RFC 4180 reader, independent of the writer under test.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; }
            else { cell.Append(c); }
        }
        return rows;
    }
}
