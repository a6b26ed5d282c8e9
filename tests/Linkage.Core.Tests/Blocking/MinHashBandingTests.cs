using Linkage.Blocking;
using Linkage.Names;

namespace Linkage.Tests.Blocking;

public class MinHashBandingTests
{
    /// <summary>Latin sound skeletons of names no dictionary needs to know, as <see cref="NameForms.Normalized"/> holds them.</summary>
    private static readonly string[] Names =
    [
        "oleksandr", "solomiia", "kovalenko", "mykhailo", "ievheniia", "bondarenko", "tkachuk", "kravchenko", "zaharchuk",
        "marharyta", "prokopenko", "dmytro", "nataliia", "lysenko", "oliinyk", "polishchuk", "shevchuk", "hrytsenko",
        "iaroslava", "bohdana", "vasylyna", "stanislav", "kyrylo", "veronika", "melnychuk", "savchenko", "rudenko",
        "ostapchuk", "yaremchuk", "danylo", "khrystyna", "sviatoslav", "zlata", "myroslava", "taras", "orest",
        "fedorchuk", "kuzmenko", "levchenko", "moroz", "pavliuk", "romaniuk", "sydorenko", "tymoshenko", "ustymenko",
    ];

    private static MinHashBanding Banding(int bands = 8, int rows = 2, ulong seed = 1) => new(NameKind.Surname, 2, bands, rows, seed);

    private static ulong[] Keys(MinHashBanding banding, string name)
    {
        var keys = new ulong[banding.Bands];
        return keys[..banding.BandKeys(name, keys)];
    }

    private static bool Collide(MinHashBanding banding, string a, string b) => Keys(banding, a).Intersect(Keys(banding, b)).Any();

    /// <summary>One random substitution, deletion, insertion or swap of neighbours.</summary>
    private static string Misspell(string name, Random random)
    {
        var letters = name.ToList();
        var at = random.Next(letters.Count - 1);
        var letter = (char)('a' + random.Next(26));
        switch (random.Next(4))
        {
            case 0: letters[at] = letter; break;
            case 1: letters.RemoveAt(at); break;
            case 2: letters.Insert(at, letter); break;
            default: (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]); break;
        }
        return new string(letters.ToArray());
    }

    [Fact]
    public void Spellings_one_edit_apart_nearly_always_share_a_band()
    {
        var banding = Banding();
        var random = new Random(3);
        var pairs = Enumerable.Range(0, 2000).Select(i => Names[i % Names.Length]).Select(n => (n, Misspell(n, random))).ToArray();

        var share = pairs.Count(p => Collide(banding, p.Item1, p.Item2)) / (double)pairs.Length;

        Assert.InRange(share, 0.90, 1.0);
        Assert.True(Collide(banding, "oleksandr", "oleksander"));
        Assert.True(Collide(banding, "kovalenko", "kovalenka"));
    }

    [Fact]
    public void Unrelated_names_rarely_share_a_band()
    {
        var banding = Banding();
        var pairs = Names.SelectMany((a, i) => Names.Skip(i + 1).Select(b => (a, b))).ToArray();

        var share = pairs.Count(p => Collide(banding, p.a, p.b)) / (double)pairs.Length;

        // Ukrainian surnames share endings (-enko, -chuk), so "unrelated" pairs still share a few q-grams.
        Assert.InRange(share, 0.0, 0.10);
        Assert.False(Collide(banding, "oleksandr", "tkachuk"));
    }

    [Fact]
    public void Collisions_follow_the_banding_curve_of_the_q_gram_jaccard_similarity()
    {
        // Independent hash functions make P(share a band) = 1 − (1 − J^rows)^bands; correlated ones would not.
        var random = new Random(11);
        double predicted = 0, observed = 0;
        const int trials = 4000;
        for (var i = 0; i < trials; i++)
        {
            var a = Names[random.Next(Names.Length)];
            var b = random.Next(2) == 0 ? Misspell(Misspell(a, random), random) : Names[random.Next(Names.Length)];
            var banding = Banding(bands: 4, rows: 3, seed: (ulong)i);
            var jaccard = Jaccard(a, b);
            predicted += 1 - Math.Pow(1 - Math.Pow(jaccard, 3), 4);
            observed += Collide(banding, a, b) ? 1 : 0;
        }
        Assert.InRange(observed / trials - predicted / trials, -0.03, 0.03);
    }

    [Fact]
    public void Keys_depend_on_the_seed_and_nothing_else()
    {
        Assert.Equal(Keys(Banding(seed: 5), "bondarenko"), Keys(Banding(seed: 5), "bondarenko"));
        Assert.Empty(Keys(Banding(seed: 5), "bondarenko").Intersect(Keys(Banding(seed: 6), "bondarenko")));
        // Bands are keyed by their index: no two bands of one name share a key.
        Assert.Equal(8, Keys(Banding(), "bondarenko").Distinct().Count());
    }

    [Fact]
    public void Empty_names_have_no_keys_and_hostile_text_hashes_without_allocating()
    {
        var banding = Banding();
        var keys = new ulong[banding.Bands];
        Assert.Equal(0, banding.BandKeys("", keys));
        Assert.Equal(8, banding.BandKeys("a", keys));
        var hostile = new string('\0', 100_000) + "\uFFFF\uD800x";
        banding.BandKeys(hostile, keys);

        var allocated = SteadyState.AllocatedBytes(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                banding.BandKeys(Names[i % Names.Length], keys);
                banding.BandKeys(hostile, keys);
            }
        });
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(0, 4, 2)]
    [InlineData(2, 0, 2)]
    [InlineData(2, 4, 0)]
    [InlineData(6, 4, 2)]
    [InlineData(2, 65, 2)]
    public void Out_of_range_parameters_are_refused(int q, int bands, int rows) =>
        Assert.Throws<InvalidDataException>(() => new MinHashBanding(NameKind.Given, q, bands, rows, 0));

    /// <summary>Jaccard similarity of the two names' padded bigram sets, the way the banding reads them.</summary>
    private static double Jaccard(string a, string b)
    {
        static HashSet<string> Grams(string name)
        {
            var padded = "\u0002" + name + "\u0003";
            return Enumerable.Range(0, padded.Length - 1).Select(i => padded.Substring(i, 2)).ToHashSet();
        }
        var x = Grams(a);
        var y = Grams(b);
        return (double)x.Intersect(y).Count() / x.Union(y).Count();
    }
}
