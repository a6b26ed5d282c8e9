using Linkage.Comparison.Similarity;

namespace Linkage.Tests.Similarity;

public class CharMaskTableTests
{
    [Fact]
    public void MasksMatchPositionsAcrossEveryRangeBoundary()
    {
        // Dense edges, the wrapped gap U+0100–U+03FF, and characters past U+04FF share one query.
        const string query = "\0a\u00FF\u0100\u03FF\u0400яі\u04FF\u0500\u2019\uFFFFaя\u0100\u2019";
        var table = new CharMaskTable(query);
        foreach (var c in query + "bЯ\u0101\u0501\u20AC\uD83D")
        {
            var expected = 0UL;
            for (var i = 0; i < query.Length; i++)
            {
                if (query[i] == c)
                {
                    expected |= 1UL << i;
                }
            }
            Assert.Equal(expected, table.Get(c));
        }
    }

    [Fact]
    public void EveryPositionOfAFullWordIsKept()
    {
        var query = new string('\u2019', 64);
        Assert.Equal(ulong.MaxValue, new CharMaskTable(query).Get('\u2019'));
        Assert.Throws<ArgumentException>(() => new CharMaskTable(query + "x"));
    }
}
