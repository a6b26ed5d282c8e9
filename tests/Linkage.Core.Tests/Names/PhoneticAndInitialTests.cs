using Linkage.Names;
using Linkage.Records;

namespace Linkage.Tests.Names;

public class PhoneticAndInitialTests
{
    private static readonly string[] LongNames = ["Вишневецький", "Ivashchenko", "Олександрович"];

    private static string Phonetic(string name) => NameKnowledge.Default.Surname(name, Sex.Unknown).PhoneticKey;

    [Theory]
    [InlineData("Олександр", "Alexander")]
    [InlineData("Олександр", "Александр")]
    [InlineData("Шевченко", "Szewczenko")]
    [InlineData("Коваленко", "Kowalenko")]
    [InlineData("Ковальов", "Kovalev")]
    [InlineData("Гнатюк", "Hnatiuk")]
    [InlineData("Кравченко", "Krawczenko")]
    public void SpellingNoiseKeepsThePhoneticKey(string a, string b) => Assert.Equal(Phonetic(a), Phonetic(b));

    [Theory]
    [InlineData("Петренко", "Коваленко")]
    [InlineData("Бойко", "Мороз")]
    public void DifferentSoundsGiveDifferentPhoneticKeys(string a, string b) =>
        Assert.NotEqual(Phonetic(a), Phonetic(b));

    [Fact]
    public void PhoneticKeyIsAtMostSixDigits() =>
        Assert.All(LongNames, name => Assert.Matches("^[0-9]{1,6}$", Phonetic(name)));
}
