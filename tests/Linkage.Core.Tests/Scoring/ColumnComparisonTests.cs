using Linkage.Comparison;
using Linkage.Comparison.Similarity;
using Linkage.Dates;
using Linkage.Records;
using Linkage.Scoring;

namespace Linkage.Tests.Scoring;

public class ColumnComparisonTests
{
    private static PersonDetails Person(string column, string value) => column switch
    {
        "given_name" => new PersonDetails { GivenName = value },
        "birth_date" or "date_of_birth" => new PersonDetails { BirthDateText = value },
        _ => new PersonDetails { ExtraFields = [new(column, value)] },
    };

    private static ColumnComparison Compare(string kind, string column, double[]? thresholds, string[] references, string[] listings) =>
        ColumnComparison.Create(
            new ComparisonModel { Name = column, Column = column, Kind = kind, Thresholds = thresholds, Levels = [] },
            references.Select(v => Person(column, v)).ToArray(),
            listings.Select(v => Person(column, v)).ToArray());

    [Fact]
    public void Edit_distance_levels_count_edits_and_blank_is_missing()
    {
        var comparison = Compare(ColumnComparison.EditDistance, "soc_sec_id", [1, 2], ["4066625"], ["4066625", "4066652", "4066600", "1234567", " "]);

        Assert.Equal(["exact", "within_1_edits", "within_2_edits", "disagree", "missing"], comparison.LevelNames);
        Assert.Equal(["exact", "within_1_edits", "within_2_edits", "disagree", "missing"],
            Enumerable.Range(0, 5).Select(l => comparison.LevelNames[comparison.Level(0, l)]));
    }

    [Fact]
    public void Numeric_levels_use_absolute_differences_and_unreadable_numbers_are_missing()
    {
        var comparison = Compare(ColumnComparison.Numeric, "postcode", [1, 10], ["2600"], ["2600", "2601", "2590", "3000", "n/a"]);

        Assert.Equal(["exact", "within_1", "within_10", "disagree", "missing"],
            Enumerable.Range(0, 5).Select(l => comparison.LevelNames[comparison.Level(0, l)]));
    }

    [Fact]
    public void Date_levels_read_yyyymmdd_of_any_year_through_the_column_alias()
    {
        var comparison = Compare(ColumnComparison.Date, "date_of_birth", null, ["19150312"], ["19150312", "19160312", "19151203", ""]);

        Assert.Equal(DateLevel.Exact, (DateLevel)comparison.Level(0, 0));
        Assert.Equal(DateLevel.YearOffByOneSameDayMonth, (DateLevel)comparison.Level(0, 1));
        Assert.Equal(DateLevel.DayMonthSwapped, (DateLevel)comparison.Level(0, 2));
        Assert.Equal(DateLevel.Missing, (DateLevel)comparison.Level(0, 3));
    }

    [Fact]
    public void Extra_columns_are_found_by_header_whatever_its_case_and_spacing()
    {
        var references = new[] { new PersonDetails { ExtraFields = [new(" Suburb ", "Winston Hills")] } };
        var listings = new[] { new PersonDetails { ExtraFields = [new("suburb", "winston  hills")] } };

        var comparison = ColumnComparison.Create(
            new ComparisonModel { Name = "suburb", Column = "SUBURB", Kind = ColumnComparison.Exact, Levels = [] }, references, listings);

        Assert.Equal("exact", comparison.LevelNames[comparison.Level(0, 0)]);
    }

    [Theory]
    [InlineData(ColumnComparison.JaroWinkler, new[] { 0.92, 0.8 })]
    [InlineData(ColumnComparison.EditDistance, new[] { 1.0, 2.0 })]
    public void The_cached_cursor_agrees_with_the_naive_level_on_random_strings(string kind, double[] thresholds)
    {
        var random = new Random(41);
        string Word() => new(Enumerable.Range(0, random.Next(0, 9)).Select(_ => (char)('a' + random.Next(4))).ToArray());
        var references = Enumerable.Range(0, 40).Select(_ => Word()).ToArray();
        var listings = Enumerable.Range(0, 200).Select(_ => Word()).ToArray();
        var comparison = Compare(kind, "address_1", thresholds, references, listings);
        var cursor = comparison.OpenCursor();

        for (var r = 0; r < references.Length; r++)
        {
            cursor.MoveTo(r);
            for (var l = 0; l < listings.Length; l++)
            {
                Assert.Equal(comparison.Level(r, l), cursor.Level(l));
            }
        }
    }

    [Fact]
    public void Hostile_values_do_not_crash_and_long_ones_are_cut()
    {
        var huge = new string('я', 1_000_000);
        var comparison = Compare(ColumnComparison.JaroWinkler, "address_2", [0.9], [huge, "a\0b"], [huge + "x", "\uD800", ""]);
        var cursor = comparison.OpenCursor();

        cursor.MoveTo(0);
        Assert.Equal("exact", comparison.LevelNames[cursor.Level(0)]);
        cursor.MoveTo(1);
        Assert.InRange(cursor.Level(1), 0, comparison.NullLevel);
        Assert.Equal(comparison.NullLevel, cursor.Level(2));
    }

    [Fact]
    public void A_kind_that_needs_thresholds_refuses_to_build_without_them()
    {
        var error = Assert.Throws<InvalidDataException>(() => Compare(ColumnComparison.JaroWinkler, "suburb", null, ["a"], ["b"]));
        Assert.Contains("needs at least one threshold", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => Compare("soundex", "suburb", null, ["a"], ["b"]));
    }
}
