using Linkage.Synthetic;

namespace Linkage.Tests.Synthetic;

public class TyposTests
{
    [Fact]
    public void ATypoIsOneEditThatKeepsTheInitial()
    {
        var random = new SeededRandom(11);
        for (var i = 0; i < 2000; i++)
        {
            var typo = Typos.Apply("Александр", Typos.Layout.Russian, random);
            Assert.Equal('А', typo[0]);
            Assert.InRange(typo.Length, 8, 10);
            Assert.NotEqual("Александр", typo);
        }
    }

    [Fact]
    public void ShortNamesAreLeftAlone() =>
        Assert.Equal("Ян", Typos.Apply("Ян", Typos.Layout.Russian, new SeededRandom(1)));
}
