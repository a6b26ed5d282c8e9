using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

public class SeededRandomTests
{
    [Fact]
    public void SplitMix64MatchesThePublishedSequenceForSeedZero()
    {
        // Outputs of the reference splitmix64.c (Vigna) from state 0.
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SeededRandom.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SeededRandom.SplitMix64(ref state));
        Assert.Equal(0x06C45D188009454FUL, SeededRandom.SplitMix64(ref state));
        Assert.Equal(0xF88BB8A8724C81ECUL, SeededRandom.SplitMix64(ref state));
    }

    [Fact]
    public void Xoshiro256StarStarMatchesAnIndependentTranscriptionOfTheReferenceCode()
    {
        // Computed with a Python transcription of xoshiro256starstar.c, state filled by SplitMix64 from 42.
        var random = new SeededRandom(42);
        Assert.Equal(0x15780B2E0C2EC716UL, random.NextUInt64());
        Assert.Equal(0x6104D9866D113A7EUL, random.NextUInt64());
        Assert.Equal(0xAE17533239E499A1UL, random.NextUInt64());
    }

    [Fact]
    public void BoundedDrawsStayInRangeAndCoverIt()
    {
        var random = new SeededRandom(7);
        var seen = new int[7];
        for (var i = 0; i < 7000; i++)
        {
            var value = random.NextInt(3, 9);
            Assert.InRange(value, 3, 9);
            seen[value - 3]++;
        }
        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void DoublesAreInTheUnitInterval()
    {
        var random = new SeededRandom(9);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999999999);
        }
    }
}
