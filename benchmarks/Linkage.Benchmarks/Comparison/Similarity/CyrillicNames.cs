namespace Linkage.Benchmarks.Comparison.Similarity;

/// <summary>
/// Common Ukrainian and Russian given names and surnames, written for these benchmarks (folded to lower case
/// as the normalizer stores them), plus a seeded generator of the variants that listings actually show.
/// </summary>
internal static class CyrillicNames
{
    public static readonly string[] GivenNames =
    [
        "олександр", "александр", "олексій", "алексей", "андрій", "андрей", "артем", "артём", "богдан", "вадим",
        "валентин", "василь", "василий", "віктор", "виктор", "владислав", "володимир", "владимир", "віталій", "виталий",
        "дмитро", "дмитрий", "денис", "євген", "евгений", "захар", "іван", "иван", "ігор", "игорь",
        "ілля", "илья", "кирило", "кирилл", "костянтин", "константин", "максим", "марко", "матвій", "матвей",
        "микола", "николай", "михайло", "михаил", "назар", "олег", "остап", "павло", "павел", "петро",
        "пётр", "роман", "руслан", "сергій", "сергей", "станіслав", "тарас", "тимофій", "тимофей", "юрій",
        "юрий", "ярослав", "анастасія", "анастасия", "анна", "ганна", "валерія", "валерия", "вікторія", "виктория",
        "дарина", "дарья", "єлизавета", "елизавета", "катерина", "екатерина", "ксенія", "ксения", "марія", "мария",
        "мирослава", "наталія", "наталья", "олена", "елена", "ольга", "поліна", "полина", "софія", "софия",
        "соломія", "тетяна", "татьяна", "уляна", "ульяна", "христина", "кристина", "юлія", "юлия", "яна",
    ];

    public static readonly string[] Surnames =
    [
        "шевченко", "коваленко", "бондаренко", "ткаченко", "кравченко", "олійник", "шевчук", "коваль", "поліщук", "бондар",
        "ткачук", "мороз", "марченко", "лисенко", "руденко", "савченко", "петренко", "клименко", "павленко", "кравчук",
        "кузьменко", "пономаренко", "савчук", "василенко", "левченко", "харченко", "карпенко", "мельник", "мельниченко", "гончаренко",
        "литвиненко", "романенко", "сидоренко", "кушнір", "кушнир", "лук'яненко", "лукьяненко", "гуменюк", "семенюк", "костенко",
        "дяченко", "степаненко", "тимошенко", "прокопенко", "ковальчук", "кучер", "войтенко", "гаврилюк", "нестеренко", "онищенко",
        "яковенко", "юрченко", "кириленко", "приходько", "остапенко", "панченко", "іваненко", "иваненко", "григоренко", "захарченко",
        "іванов", "иванов", "смирнов", "кузнецов", "попов", "васильев", "петров", "соколов", "михайлов", "новиков",
        "федоров", "морозов", "волков", "алексеев", "лебедев", "семенов", "егоров", "павлов", "козлов", "степанов",
        "николаев", "орлов", "андреев", "макаров", "никитин", "захаров", "зайцев", "соловьев", "борисов", "яковлев",
        "григор'єв", "григорьев", "романов", "воробйов", "воробьев", "сергієнко", "білоус", "белоус", "запорожець", "ковалевська",
    ];

    /// <summary>Ukrainian/Russian letter pairs that transliteration between the two spellings swaps.</summary>
    private static readonly (char Ukrainian, char Russian)[] CrossScript =
        [('і', 'и'), ('и', 'ы'), ('є', 'е'), ('ї', 'и'), ('ґ', 'г'), ('е', 'э'), ('\'', 'ь')];

    /// <summary>
    /// A name as a listing might spell it: the other language's letter, a dropped, doubled or swapped letter,
    /// or a neighbour on the keyboard, one or two at a time.
    /// </summary>
    public static string Variant(string name, Random random)
    {
        var letters = name.ToCharArray().ToList();
        var edits = random.Next(1, 3);
        for (var e = 0; e < edits && letters.Count > 1; e++)
        {
            var at = random.Next(letters.Count);
            switch (random.Next(4))
            {
                case 0:
                    var swap = Array.FindIndex(CrossScript, p => p.Ukrainian == letters[at] || p.Russian == letters[at]);
                    letters[at] = swap < 0 ? 'о' : CrossScript[swap].Ukrainian == letters[at] ? CrossScript[swap].Russian : CrossScript[swap].Ukrainian;
                    break;
                case 1:
                    letters.RemoveAt(at);
                    break;
                case 2:
                    letters.Insert(at, letters[at]);
                    break;
                default:
                    if (at + 1 < letters.Count)
                    {
                        (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
                    }
                    break;
            }
        }
        return new string([.. letters]);
    }
}
