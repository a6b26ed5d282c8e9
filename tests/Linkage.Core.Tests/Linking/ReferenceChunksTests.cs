using Linkage.Linking;
using Linkage.Records;

namespace Linkage.Tests.Linking;

public class ReferenceChunksTests
{
    private static ReferenceRecord Reference(int id, string group) =>
        new("R" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), new PersonDetails { SiblingGroup = group });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Chunks_cover_every_reference_in_order_and_never_split_a_sibling_group(int seed)
    {
        var random = new Random(seed);
        // Mostly only children, some groups of neighbours, a few groups scattered far apart.
        var references = Enumerable.Range(0, 2_000).Select(i => Reference(i, random.Next(10) switch
        {
            < 6 => "",
            < 9 => "near" + (i / 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "far" + random.Next(40).ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).ToArray();

        var chunks = ReferenceChunks.Split(references, 50);

        var covered = chunks.SelectMany(c => Enumerable.Range(c.Start.Value, c.End.Value - c.Start.Value)).ToArray();
        Assert.Equal(Enumerable.Range(0, references.Length), covered);
        var chunkOf = new int[references.Length];
        for (var c = 0; c < chunks.Count; c++)
        {
            Assert.True(chunks[c].End.Value > chunks[c].Start.Value);
            for (var r = chunks[c].Start.Value; r < chunks[c].End.Value; r++)
            {
                chunkOf[r] = c;
            }
        }
        foreach (var group in references.Select((r, i) => (r.Person.SiblingGroup, i)).Where(g => g.SiblingGroup.Length > 0).GroupBy(g => g.SiblingGroup))
        {
            Assert.Single(group.Select(g => chunkOf[g.i]).Distinct());
        }
    }

    [Fact]
    public void Without_sibling_groups_chunks_have_the_asked_size()
    {
        var references = Enumerable.Range(0, 1_030).Select(i => Reference(i, "")).ToArray();

        var chunks = ReferenceChunks.Split(references, 256);

        Assert.Equal([256, 256, 256, 256, 6], chunks.Select(c => c.End.Value - c.Start.Value));
    }
}
