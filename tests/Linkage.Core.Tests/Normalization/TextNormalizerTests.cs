using Linkage.Normalization;

namespace Linkage.Tests.Normalization;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Ševčenko", "shevchenko")]
    [InlineData("Žuk", "zhuk")]
    [InlineData("Ŝerbina", "shcherbina")]
    [InlineData("Hélène", "helene")]
    public void LatinDiacriticsFoldKeepingHacekSounds(string raw, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(raw));

    [Theory]
    [InlineData("Ол\0ег", "олег")]
    [InlineData("Ол\uD800ег", "олег")]
    [InlineData("\uFEFFОлег\u200B", "олег")]
    [InlineData("Знамʼянка", "знам'янка")]
    [InlineData("Артём", "артем")]
    public void HostileAndOddCharactersDoNotSplitOrThrow(string raw, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(raw));
}
