using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Synthetic;
using Linkage.Tests.Linking;

namespace Linkage.Tests.Sharding;

public sealed class LinkShardTests : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("linkage-shard-").FullName;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_shards_together_give_exactly_the_single_process_result(int count)
    {
        var (references, listings) = Corpus();
        var options = new LinkOptions { DegreeOfParallelism = 2 };
        var whole = Linker.Link(references, listings, LinkEngine.Default, options);

        var shards = Enumerable.Range(0, count)
            .Select(k => Linker.Link(references, listings, LinkEngine.Default, options with { Shard = LinkShard.Create(k, count) }))
            .ToArray();

        // Every field of every kept pair (scores, ranks, evidence including sibling co-listing), in one order.
        Assert.Equal(MatchRows.Of(whole.Matches), MatchRows.Of(shards.SelectMany(s => s.Matches)));
        Assert.Equal(whole.CandidatePairs, shards.Sum(s => s.CandidatePairs));
        Assert.Contains(whole.Matches, m => m.Evidence.Any(e => e.Comparison == "siblings"));
        Assert.All(shards, s => Assert.NotEmpty(s.Matches));
    }

    [Fact]
    public void Siblings_share_a_shard_and_every_reference_has_exactly_one()
    {
        var (references, _) = Corpus();
        var shards = Enumerable.Range(0, 5).Select(k => LinkShard.Create(k, 5)).ToArray();

        Assert.All(references, r => Assert.Single(shards, s => s.Contains(r)));
        foreach (var group in references.Where(r => r.Person.SiblingGroup.Length > 0).GroupBy(r => r.Person.SiblingGroup))
        {
            Assert.Single(group.Select(r => shards.Single(s => s.Contains(r)).Index).Distinct());
        }
    }

    [Fact]
    public void The_hash_is_the_published_FNV_1a_so_every_machine_agrees()
    {
        // Test vectors of 64-bit FNV-1a (Fowler, Noll, Vo: the IETF draft's appendix).
        Assert.Equal(0xcbf29ce484222325UL, LinkShard.StableHash(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, LinkShard.StableHash("a"));
        Assert.Equal(0x85944171f73967e8UL, LinkShard.StableHash("foobar"));
        // Long and non-ASCII text hashes as its UTF-8 bytes whatever the chunking.
        var cyrillic = string.Concat(Enumerable.Repeat("Соломія😀", 40));
        Assert.Equal(Fnv(System.Text.Encoding.UTF8.GetBytes(cyrillic)), LinkShard.StableHash(cyrillic));
    }

    [Theory]
    [InlineData("0/3", 0, 3)]
    [InlineData("2/3", 2, 3)]
    [InlineData("0/1", 0, 1)]
    public void Parses_K_of_N(string text, int index, int count)
    {
        var (shard, problem) = LinkShard.Parse(text);
        Assert.Null(problem);
        Assert.Equal((index, count), (shard!.Index, shard.Count));
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("3/3", "below N")]
    [InlineData("1/0", "between 1 and")]
    [InlineData("0/5000", "between 1 and")]
    [InlineData("-1/3", "takes K/N")]
    [InlineData("1", "takes K/N")]
    [InlineData("a/b", "takes K/N")]
    [InlineData(" 1/3", "takes K/N")]
    [InlineData("1/2/3", "takes K/N")]
    [InlineData("99999999999/3", "takes K/N")]
    public void Refuses_what_is_not_a_shard_with_a_reason(string text, string reason)
    {
        var (shard, problem) = LinkShard.Parse(text);
        Assert.Null(shard);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    private (IReadOnlyList<ReferenceRecord>, IReadOnlyList<ListingRecord>) Corpus()
    {
        CorpusGenerator.Write(new SynthOptions { Children = 300, Seed = 11 }, _corpus);
        return (RecordFileReader.ReadReferences(Path.Combine(_corpus, "references.csv")).Records,
            RecordFileReader.ReadListings(Path.Combine(_corpus, "listings.csv")).Records);
    }

    private static ulong Fnv(byte[] bytes)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 0x100000001b3UL;
        }
        return hash;
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
