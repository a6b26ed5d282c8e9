using System.Text;

namespace Linkage.Synthetic;

/// <summary>Clerical slips in a name: a neighbouring key, a dropped, doubled or swapped letter.</summary>
internal static class Typos
{
    /// <summary>Letter rows of a keyboard layout; neighbours on a row stand for a slip of the finger.</summary>
    public sealed class Layout(params string[] rows)
    {
        private readonly Dictionary<char, string> _neighbours = BuildNeighbours(rows);

        public static Layout Russian { get; } = new("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю");
        public static Layout Ukrainian { get; } = new("йцукенгшщзхї", "фівапролджє", "ячсмитьбю");

        public string? NeighboursOf(char lower) => _neighbours.GetValueOrDefault(lower);

        private static Dictionary<char, string> BuildNeighbours(string[] rows)
        {
            var neighbours = new Dictionary<char, string>();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    neighbours[row[i]] = string.Concat(i > 0 ? row[i - 1].ToString() : "", i + 1 < row.Length ? row[i + 1].ToString() : "");
                }
            }
            return neighbours;
        }
    }

    /// <summary>Shortest name a typo is put into; shorter ones are left alone.</summary>
    public const int MinimumLength = 3;

    /// <summary>One slip somewhere after the first letter, so the initial stays right as it usually does.</summary>
    public static string Apply(string text, Layout layout, SeededRandom random)
    {
        if (text.Length < MinimumLength)
        {
            return text;
        }
        var position = random.NextInt(1, text.Length - 1);
        var builder = new StringBuilder(text);
        switch (random.NextInt(4))
        {
            case 0:
                var neighbours = layout.NeighboursOf(char.ToLowerInvariant(text[position]));
                if (!string.IsNullOrEmpty(neighbours))
                {
                    builder[position] = neighbours[random.NextInt(neighbours.Length)];
                    break;
                }
                builder.Remove(position, 1);
                break;
            case 1:
                builder.Remove(position, 1);
                break;
            case 2:
                builder.Insert(position, text[position]);
                break;
            default:
                var swapWith = position + 1 < text.Length ? position + 1 : position - 1;
                (builder[position], builder[swapWith]) = (builder[swapWith], builder[position]);
                break;
        }
        return builder.ToString();
    }
}
