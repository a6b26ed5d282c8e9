using System.Text.Json;
using Linkage.Ingest;
using Linkage.Storage;

namespace Linkage.Tests.Nightly;

/// <summary><c>linkage nightly</c> as a scheduler runs it: a real process, its exit code, its files, its run row, its logs.</summary>
public sealed class NightlyCommandTests : IDisposable
{
    private readonly NightlyInbox _box = new();

    [Fact]
    public void An_empty_inbox_exits_0_with_nothing_to_do_after_opening_the_store()
    {
        var (exit, output) = LinkageProcess.Run(_box.Arguments());

        Assert.Equal(0, exit);
        Assert.Contains("nothing to do", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_box.Database), "the store is opened (and migrated) even on a quiet night");
    }

    [Fact]
    public void A_broken_database_fails_the_run_even_with_an_empty_inbox()
    {
        File.WriteAllText(_box.Database, "this is not a SQLite database, it is a disk gone bad");

        var (exit, output) = LinkageProcess.Run(_box.Arguments());

        Assert.Equal(1, exit);
        Assert.DoesNotContain("nothing to do", output, StringComparison.Ordinal);
        Assert.Contains("failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_cannot_be_read_fails_the_run_even_with_an_empty_inbox()
    {
        var model = Path.Combine(_box.Inbox, "..", "broken-model.json");
        File.WriteAllText(model, "{ this is not a model");

        var (exit, output) = LinkageProcess.Run(_box.Arguments("--model", model));

        Assert.Equal(1, exit);
        Assert.DoesNotContain("nothing to do", output, StringComparison.Ordinal);
        Assert.Contains("failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_inbox_is_bad_input()
    {
        var (exit, _) = LinkageProcess.Run(["nightly", "--inbox", Path.Combine(_box.Inbox, "absent"), "--db", _box.Database]);

        Assert.Equal(2, exit);
    }

    [Fact]
    public void References_arriving_after_their_listings_are_linked_against_the_stored_listings()
    {
        _box.DropCorpus();
        var references = Path.Combine(_box.Inbox, "references-night1.csv");
        File.Move(references, references + ".later");
        Assert.Equal(0, LinkageProcess.Run(_box.Arguments()).ExitCode);
        Assert.Empty(NightlyInbox.Queue(_box.Database));
        File.Move(references + ".later", references);

        var (exit, _) = LinkageProcess.Run(_box.Arguments());

        Assert.Equal(0, exit);
        Assert.DoesNotContain(_box.InboxFiles(), f => f.EndsWith(".csv", StringComparison.Ordinal));
        using var together = new NightlyInbox();
        together.DropCorpus();
        Assert.Equal(0, LinkageProcess.Run(together.Arguments()).ExitCode);
        Assert.Equal(NightlyInbox.Queue(together.Database), NightlyInbox.Queue(_box.Database));
        using var store = LinkStores.Open(_box.Database);
        Assert.Equal("incremental", store.GetRun(2)!.LinkScope);
    }

    [Fact]
    public void A_run_links_the_inbox_records_its_counts_moves_the_files_and_logs_no_personal_data()
    {
        _box.DropCorpus();
        var references = RecordFileReader.ReadReferences(Path.Combine(_box.Corpus, "references.csv"));
        var listings = RecordFileReader.ReadListings(Path.Combine(_box.Corpus, "listings.csv"));

        var (exit, output) = LinkageProcess.Run(_box.Arguments());

        Assert.Equal(0, exit);
        Assert.Empty(_box.InboxFiles());
        var processed = Assert.Single(Directory.GetDirectories(Path.Combine(_box.Inbox, "processed")));
        Assert.Equal(["listings-night1.csv", "references-night1.csv"], Directory.GetFiles(processed).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        RunRecord run;
        using (var store = LinkStores.Open(_box.Database))
        {
            run = store.GetRun(1)!;
        }
        Assert.Equal(("nightly", "completed"), (run.Kind, run.Status));
        Assert.Equal(references.RowsRead, run.Counts.ReferencesRead);
        Assert.Equal(references.Records.Count, run.Counts.ReferencesNew);
        Assert.Equal(listings.RowsRead, run.Counts.ListingsRead);
        Assert.Equal(listings.Records.Select(l => l.ListingId).Distinct().Count(), run.Counts.ListingsNew);
        Assert.True(run.Counts.PairsQueued > 0, "the corpus should give candidate pairs");
        Assert.Equal(NightlyInbox.Queue(_box.Database).Count, run.Counts.PairsQueued);
        Assert.True(run.Counts.CandidatePairs >= run.Counts.PairsKept);

        var decoded = DecodeJsonLines(output);
        AssertNoPersonalData(output + "\n" + decoded, references.Records.Select(r => r.Person).Concat(listings.Records.Select(l => l.Person)));
        Assert.Contains($"queued {run.Counts.PairsQueued}", output, StringComparison.Ordinal);

        // What the run allocated and collected, for an operator sizing the machine.
        var memory = JsonLines(output).Single(line => line.GetProperty("EventId").GetInt32() == 13).GetProperty("State");
        Assert.True(memory.GetProperty("AllocatedMb").GetInt64() > 0, "the run's allocations are counted");
    }

    [Fact]
    public void The_same_files_again_queue_nothing_new_and_leave_the_queue_as_it_was()
    {
        _box.DropCorpus();
        Assert.Equal(0, LinkageProcess.Run(_box.Arguments()).ExitCode);
        var queue = NightlyInbox.Queue(_box.Database);

        _box.DropCorpus();
        Assert.Equal(0, LinkageProcess.Run(_box.Arguments()).ExitCode);

        Assert.Equal(queue, NightlyInbox.Queue(_box.Database));
        using var store = LinkStores.Open(_box.Database);
        var second = store.GetRun(2)!;
        Assert.Equal((0L, 0L, 0L, 0L), (second.Counts.PairsQueued, second.Counts.ListingsNew, second.Counts.ListingsChanged, second.Counts.ReferencesNew));
    }

    [Fact]
    public void Full_relinks_everything_and_gives_the_queue_an_incremental_run_left()
    {
        _box.DropCorpus();
        Assert.Equal(0, LinkageProcess.Run(_box.Arguments()).ExitCode);
        var queue = NightlyInbox.Queue(_box.Database);

        _box.DropCorpus();
        Assert.Equal(0, LinkageProcess.Run(_box.Arguments("--full")).ExitCode);

        Assert.Equal(queue, NightlyInbox.Queue(_box.Database));
        using var store = LinkStores.Open(_box.Database);
        var (first, second) = (store.GetRun(1)!, store.GetRun(2)!);
        Assert.Equal(("full", "full"), (first.LinkScope, second.LinkScope));
        Assert.Equal(first.Counts.ReferencesRelinked, second.Counts.ReferencesRelinked);
        Assert.True(second.Counts.ReferencesRelinked > 0);
    }

    /// <summary>
    /// Every surname, given name and patronymic (initials excepted) and every birth date finer than a year: a year alone
    /// names no one and would match durations and counts in the logs.
    /// </summary>
    private static void AssertNoPersonalData(string logs, IEnumerable<Records.PersonDetails> people)
    {
        var values = people
            .SelectMany(p => new[] { p.Surname, p.GivenName, p.Patronymic, p.BirthDateText })
            .Where(v => v is { Length: >= 3 } && !v.EndsWith('.') && !(v.Length == 4 && v.All(char.IsAsciiDigit)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Assert.True(values.Length > 100, $"the corpus should give many names and dates to look for, got {values.Length}");
        var leaked = values.Where(v => logs.Contains(v!, StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(leaked.Length == 0, $"the logs name {leaked.Length} corpus values, e.g. {string.Join(", ", leaked.Take(3))}");
    }

    /// <summary>
    /// Checks every line is one JSON log event and returns their strings decoded: the JSON formatter escapes
    /// Cyrillic as <c>\uXXXX</c>, so a leaked name would not be found in the raw text.
    /// </summary>
    private static string DecodeJsonLines(string output)
    {
        var decoded = new System.Text.StringBuilder();
        foreach (var line in JsonLines(output))
        {
            AppendStrings(line, decoded);
        }
        return decoded.ToString();
    }

    /// <summary>The output's log events, each line checked to be one.</summary>
    private static List<JsonElement> JsonLines(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        return [.. lines.Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var element = document.RootElement.Clone();
            Assert.True(element.TryGetProperty("EventId", out _), line);
            return element;
        })];
    }

    private static void AppendStrings(JsonElement element, System.Text.StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text.AppendLine(element.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.AppendLine(property.Name);
                    AppendStrings(property.Value, text);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AppendStrings(item, text);
                }
                break;
        }
    }

    public void Dispose() => _box.Dispose();
}
