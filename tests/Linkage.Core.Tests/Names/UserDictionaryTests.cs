using Linkage.Names;
using Linkage.Records;

namespace Linkage.Tests.Names;

public sealed class UserDictionaryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("linkage-names-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void AUserDictionaryAddsEquivalencesTheRulesMiss()
    {
        Assert.NotEqual(NameKnowledge.Default.Surname("Вовк", Sex.Male).CanonicalKey, NameKnowledge.Default.Surname("Волк", Sex.Male).CanonicalKey);
        var knowledge = NameKnowledge.Load(new NameDictionaryPaths
        {
            Surnames = Write("last.csv", "uk,ru,rank\nвовк,волк,0\nвовк,вовк,1\nковаль,коваль,0\nшевчук,петров,1\n"),
            GivenNames = Write("first.csv", "uk,ru,rank\nгорислава,горислава,0\nзорян,зарян,0\nолександр,алексей,0\n"),
        });
        Assert.Equal(knowledge.Surname("Вовк", Sex.Male).CanonicalKey, knowledge.Surname("Волк", Sex.Male).CanonicalKey);
        Assert.Equal(knowledge.Surname("Вовк", Sex.Male).CanonicalKey, knowledge.Surname("Volk", Sex.Male).CanonicalKey);
        Assert.Contains("user dictionary", knowledge.Surname("Волк", Sex.Male).KeySource, StringComparison.Ordinal);
        Assert.NotEqual(knowledge.Surname("Шевчук", Sex.Male).CanonicalKey, knowledge.Surname("Петров", Sex.Male).CanonicalKey);
        Assert.Equal(knowledge.GivenName("Зорян", Sex.Male).CanonicalKey, knowledge.GivenName("Зарян", Sex.Male).CanonicalKey);
        // Two curated dictionary names are never joined by a user row.
        Assert.NotEqual(knowledge.GivenName("Олександр", Sex.Male).CanonicalKey, knowledge.GivenName("Алексей", Sex.Male).CanonicalKey);
    }

    [Fact]
    public void LoadingLeavesTheDefaultKnowledgeUnchanged()
    {
        _ = NameKnowledge.Load(new NameDictionaryPaths { Surnames = Write("s.csv", "uk,ru,rank\nвовк,волк,0\n") });
        Assert.NotEqual(NameKnowledge.Default.Surname("Вовк", Sex.Male).CanonicalKey, NameKnowledge.Default.Surname("Волк", Sex.Male).CanonicalKey);
    }
}
