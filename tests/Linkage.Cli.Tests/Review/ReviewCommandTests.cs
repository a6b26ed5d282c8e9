using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Linkage.Cli.Commands;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Storage;
using Spectre.Console;

namespace Linkage.Tests.Review;

public sealed class ReviewCommandTests : IDisposable
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-review-").FullName;

    private string Database => Path.Combine(_directory, "queue.db");

    [Fact]
    public void Users_add_reads_the_password_from_the_environment_or_stdin_never_from_argv()
    {
        Environment.SetEnvironmentVariable(UsersCommand.PasswordVariable, "correct horse battery");
        try
        {
            Assert.Equal(0, Invoke(UsersCommand.Create(), "users", "add", "--name", "olena", "--role", "reviewer", "--db", Database).Exit);
            Assert.Equal(2, Invoke(UsersCommand.Create(), "users", "add", "--name", "olena", "--role", "admin", "--db", Database).Exit);
            Assert.Equal(2, Invoke(UsersCommand.Create(), "users", "add", "--name", "ivan", "--role", "superuser", "--db", Database).Exit);
            Assert.NotEqual(0, Invoke(UsersCommand.Create(), "users", "add", "--name", "x", "--role", "admin", "--password", "in argv", "--db", Database).Exit);
        }
        finally
        {
            Environment.SetEnvironmentVariable(UsersCommand.PasswordVariable, null);
        }
        Assert.Equal(0, UsersCommand.Add("taras", "investigator", Database, null, new StringReader("from standard input\nignored")));
        Assert.Equal(2, UsersCommand.Add("short", "admin", Database, null, new StringReader("short\n")));
        Assert.Equal(2, UsersCommand.Add("nobody", "admin", Database, null, new StringReader(string.Empty)));

        using var store = LinkStores.Open(Database);
        Assert.Equal(UserRole.Reviewer, store.VerifyPassword("olena", "correct horse battery")!.Role);
        Assert.Equal(UserRole.Investigator, store.VerifyPassword("taras", "from standard input")!.Role);
        Assert.Null(store.GetUser("short"));
        Assert.Null(store.GetUser("x"));
    }

    [Fact]
    public void Review_list_and_decide_work_on_the_queue_and_a_stale_decision_exits_3()
    {
        Seed();
        var list = Invoke(ReviewCommand.Create(), "review", "list", "--order", "uncertainty", "--db", Database);
        Assert.Equal(0, list.Exit);
        Assert.True(list.Output.IndexOf("L-2", StringComparison.Ordinal) < list.Output.IndexOf("L-1", StringComparison.Ordinal), list.Output);
        Assert.Contains(Formula, list.Output, StringComparison.Ordinal);

        var decide = Invoke(ReviewCommand.Create(), "review", "decide", "UA-1", "L-1", "--decision", "confirmed", "--reviewer", "olena",
            "--note", "+same scar", "--version", "1", "--db", Database);
        Assert.Equal(0, decide.Exit);
        var stale = Invoke(ReviewCommand.Create(), "review", "decide", "UA-1", "L-1", "--decision", "rejected", "--reviewer", "olena",
            "--version", "1", "--db", Database);
        Assert.Equal(3, stale.Exit);
        Assert.Contains("conflict", stale.Output, StringComparison.Ordinal);
        Assert.Equal(2, Invoke(ReviewCommand.Create(), "review", "decide", "UA-1", "L-2", "--decision", "maybe", "--reviewer", "olena", "--db", Database).Exit);
        Assert.Equal(2, Invoke(ReviewCommand.Create(), "review", "decide", "UA-1", "L-2", "--decision", "unsure", "--reviewer", "mallory", "--db", Database).Exit);

        var confirmed = Invoke(ReviewCommand.Create(), "review", "list", "--status", "confirmed", "--db", Database);
        Assert.Contains("L-1", confirmed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("L-2", confirmed.Output, StringComparison.Ordinal);
        using var store = LinkStores.Open(Database);
        Assert.Equal(ReviewDecision.Confirmed, store.GetPair("UA-1", "L-1")!.Decision);
        Assert.Single(store.ReadAudit("UA-1", "L-1"));
    }

    [Fact]
    public void Review_assign_gives_a_child_to_a_reviewer_only_when_an_admin_asks()
    {
        Seed();
        using (var setup = LinkStores.Open(Database))
        {
            setup.AddUser("ada", UserRole.Admin, "admin password one", "test");
        }
        Assert.Equal(2, Invoke(ReviewCommand.Create(), "review", "assign", "--reference", "UA-1", "--to", "olena", "--by", "olena", "--db", Database).Exit);
        Assert.Equal(2, Invoke(ReviewCommand.Create(), "review", "assign", "--reference", "UA-9", "--to", "olena", "--by", "ada", "--db", Database).Exit);
        Assert.Equal(2, Invoke(ReviewCommand.Create(), "review", "assign", "--reference", "UA-1", "--by", "ada", "--db", Database).Exit);
        using (var store = LinkStores.Open(Database))
        {
            Assert.Null(store.GetAssignee("UA-1"));
        }

        var assign = Invoke(ReviewCommand.Create(), "review", "assign", "--reference", "UA-1", "--to", "olena", "--by", "ada", "--db", Database);
        Assert.Equal(0, assign.Exit);
        Assert.Contains("assigned to olena: 1 of 1 children", assign.Output, StringComparison.Ordinal);
        using (var store = LinkStores.Open(Database))
        {
            Assert.Equal("olena", store.GetAssignee("UA-1"));
            Assert.All(store.Queue(new QueueQuery { Assignee = AssigneeFilter.To("olena") }), p => Assert.Equal("UA-1", p.ReferenceId));
            Assert.Equal(2, store.Queue(new QueueQuery { Assignee = AssigneeFilter.To("olena") }).Count);
        }

        Assert.Equal(0, Invoke(ReviewCommand.Create(), "review", "assign", "--reference", "UA-1", "--unassign", "--by", "ada", "--db", Database).Exit);
        using var check = LinkStores.Open(Database);
        Assert.Null(check.GetAssignee("UA-1"));
        Assert.Equal(["assign", "unassign"], check.ReadAudit().Where(a => a.Actor == "ada").Select(a => a.Action));
    }

    [Fact]
    public void Export_writes_confirmed_matches_with_evidence_and_neutralises_formulas_in_csv()
    {
        Seed();
        Assert.Equal(0, Invoke(ReviewCommand.Create(), "review", "decide", "UA-1", "L-1", "--decision", "confirmed", "--reviewer", "olena",
            "--note=@SUM(A1:A9)", "--db", Database).Exit); // "=" form: a bare @token is a response file to System.CommandLine
        var csvPath = Path.Combine(_directory, "confirmed.csv");
        var jsonPath = Path.Combine(_directory, "confirmed.json");
        var export = Invoke(ReviewCommand.Create(), "review", "export", "--format", "csv", "--out", csvPath, "--db", Database);
        Assert.True(export.Exit == 0, export.Output);
        Assert.Equal(0, Invoke(ReviewCommand.Create(), "review", "export", "--format", "json", "--out", jsonPath, "--db", Database).Exit);

        using var reader = new CsvReader(new StreamReader(csvPath), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("L-1", row["listing_id"]);
        Assert.Equal("'" + Formula, row["source"]);
        Assert.Equal("'-1 region", row["placement_region"]);
        Assert.Equal("'@SUM(A1:A9)", row["note"]);
        Assert.Equal("'\tx", row["url"]);
        Assert.Contains("Соломія", (string)row["evidence"], StringComparison.Ordinal);
        Assert.All(rows.SelectMany(r => r.Values).Cast<string>(), cell => Assert.False(cell.Length > 0 && "=+@\t\r".Contains(cell[0], StringComparison.Ordinal), cell));

        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var match = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(Formula, match.GetProperty("source").GetString());
        Assert.Equal("@SUM(A1:A9)", match.GetProperty("note").GetString());
        Assert.Equal("olena", match.GetProperty("decided_by").GetString());
        Assert.Equal("given_name", match.GetProperty("evidence")[0].GetProperty("comparison").GetString());
        Assert.Equal(0.95, match.GetProperty("match_probability").GetDouble());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A reviewer and two pairs for UA-1, one from a listing whose scraped fields are spreadsheet formulas.</summary>
    private void Seed()
    {
        using var store = LinkStores.Open(Database);
        store.AddUser("olena", UserRole.Reviewer, "correct horse battery", "test");
        var run = store.BeginRun("link", "m", null, null);
        store.SaveReferences(run, [new ReferenceRecord("UA-1", new PersonDetails { GivenName = "Соломія" })]);
        store.SaveListings(run,
        [
            new ListingRecord("L-1", new PersonDetails { GivenName = "Соломия" }) { Source = Formula, PlacementRegion = "-1 region", Url = "\tx" },
            new ListingRecord("L-2", new PersonDetails { GivenName = "Соня" }) { Source = "usynovite", PlacementRegion = "Ростовская область" },
        ]);
        store.SaveCandidates(run, [Candidate("L-1", 0.95, 1), Candidate("L-2", 0.45, 2)]);
    }

    private static CandidateMatch Candidate(string listing, double probability, int rank) => new()
    {
        ReferenceId = "UA-1",
        ListingId = listing,
        Rank = rank,
        MatchProbability = probability,
        MatchWeight = -1.5,
        Decision = probability >= 0.9 ? MatchDecision.Match : MatchDecision.Review,
        Levels = [1],
        Evidence = [new FieldEvidence("given_name", "same_key", 6.1, "Соломія ≡ Соломия")],
        BlockingRules = ["given_key"],
    };

    private static (int Exit, string Output) Invoke(Command command, params string[] args)
    {
        var writer = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        AnsiConsole.Console.Profile.Width = 500;
        try
        {
            var root = new RootCommand();
            root.Subcommands.Add(command);
            var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
            return (exit, writer.ToString());
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }
}
