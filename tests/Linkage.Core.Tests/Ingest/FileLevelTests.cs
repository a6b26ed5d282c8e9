using System.Text;
using Linkage.Ingest;

namespace Linkage.Tests.Ingest;

public sealed class FileLevelTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void MissingFileThrowsIngestExceptionNamingIt()
    {
        var path = Path.Combine(temp.Path, "absent.csv");

        var error = Assert.Throws<IngestException>(() => RecordFileReader.ReadReferences(path));

        Assert.Equal(path, error.File);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n  \n")]
    public void EmptyFileThrows(string text)
    {
        var error = Assert.Throws<IngestException>(() => RecordFileReader.ReadReferences(temp.Write("empty.csv", text)));

        Assert.Contains("no header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderOnlyFileThrows()
    {
        var error = Assert.Throws<IngestException>(() => RecordFileReader.ReadListings(temp.Write("header.csv", "listing_id,given_name\n")));

        Assert.Contains("no usable row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingIdColumnThrowsAndNamesTheRequiredColumn()
    {
        var error = Assert.Throws<IngestException>(() => RecordFileReader.ReadListings(temp.Write("noid.csv", "surname,given_name\nК.,Анна\n")));

        Assert.Contains("'listing_id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileWithoutUsableRowsThrowsAndCarriesItsRejects()
    {
        var error = Assert.Throws<IngestException>(() =>
            RecordFileReader.ReadReferences(temp.Write("bad.csv", "record_id,surname\n,Коваль\nR1,a,b\n")));

        Assert.Contains("no usable row", error.Message, StringComparison.Ordinal);
        Assert.Equal([2L, 3L], error.Rejects.Select(r => r.Line));
    }

    [Fact]
    public void ProgressReachesTheFileSize()
    {
        var path = temp.Write("progress.csv", "record_id\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"R{i}\n")));
        var reports = new List<IngestProgress>();

        RecordFileReader.ReadReferences(path, new SynchronousProgress(reports.Add));

        Assert.True(reports.Count > 1);
        Assert.Equal(new FileInfo(path).Length, reports[^1].BytesRead);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.BytesRead <= p.Second.BytesRead));
    }

    [Fact]
    public void RejectsFileRoundTripsThroughIngestQuoting()
    {
        var rejects = new[]
        {
            new IngestReject("in.csv", 3, "Ім'я", "reason with, comma and \"quotes\""),
            new IngestReject("in.csv", 9, null, "multi\nline"),
        };
        var path = RejectsFile.PathBeside(Path.Combine(temp.Path, "matches.csv"));

        RejectsFile.Write(path, rejects);

        Assert.Equal(Path.Combine(temp.Path, "matches.rejects.csv"), path);
        var text = File.ReadAllText(path, Encoding.UTF8);
        Assert.StartsWith("file,line,column,reason", text, StringComparison.Ordinal);
        Assert.Contains("in.csv,3,Ім'я,\"reason with, comma and \"\"quotes\"\"\"", text, StringComparison.Ordinal);
        Assert.Contains("in.csv,9,,\"multi\nline\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out/matches.csv", "out/matches.rejects.csv")]
    [InlineData("matches", "matches.rejects.csv")]
    [InlineData("run.2024.csv", "run.2024.rejects.csv")]
    public void RejectsPathSitsBesideTheOutput(string output, string expected) =>
        Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), RejectsFile.PathBeside(output.Replace('/', Path.DirectorySeparatorChar)));

    [Fact]
    public void RandomHostileBytesNeverThrowAnythingButIngestException()
    {
        var random = new Random(20240501);
        string[] pieces = ["listing_id", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n", "\0", "Ж", "ї", "L1", "L2", "2014-02-30", " ", "\uFEFF", ",\"", "\",", "\"\n"];
        for (var file = 0; file < 1500; file++)
        {
            byte[] bytes;
            if (file % 3 == 0)
            {
                bytes = new byte[random.Next(0, 400)];
                random.NextBytes(bytes);
            }
            else
            {
                var text = new StringBuilder("listing_id,surname,notes\n");
                for (var i = random.Next(0, 60); i > 0; i--)
                {
                    text.Append(pieces[random.Next(pieces.Length)]);
                }
                Encoding encoding = (file % 4) switch { 0 => Encoding.UTF8, 1 => Encoding.Unicode, 2 => Encoding.BigEndianUnicode, _ => new UTF8Encoding(false) };
                bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
            }
            var path = temp.WriteBytes($"fuzz{file}.csv", bytes);
            try
            {
                var result = RecordFileReader.ReadListings(path);
                Assert.Equal(result.RowsRead, result.Records.Count + result.Rejects.Count);
            }
            catch (IngestException e)
            {
                // Only the file-level failures are allowed; a splitter/parser disagreement would be a bug.
                Assert.DoesNotContain("internal error", e.Message, StringComparison.Ordinal);
            }
        }
    }

    public void Dispose() => temp.Dispose();

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the test sees every report.</summary>
    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
