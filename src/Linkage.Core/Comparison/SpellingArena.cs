namespace Linkage.Comparison;

/// <summary>
/// Every distinct name spelling of both sides (<see cref="NameLine.Spelling"/>), once each, back to back in one array
/// of UTF-16 code units: a string kernel reads a listing's name from this small block, which stays in cache, rather
/// than from the listing's own string somewhere in the heap.
/// </summary>
internal sealed class SpellingArena
{
    private readonly char[] _text;
    /// <summary>By spelling id, where its text starts; one more entry marks the end of the last.</summary>
    private readonly int[] _starts;

    public SpellingArena(KeyInterner spellings)
    {
        var byId = spellings.KeysById();
        _starts = new int[byId.Length + 1];
        for (var id = 0; id < byId.Length; id++)
        {
            _starts[id + 1] = _starts[id] + byId[id].Length;
        }
        _text = new char[_starts[^1]];
        for (var id = 0; id < byId.Length; id++)
        {
            byId[id].CopyTo(_text.AsSpan(_starts[id]));
        }
    }

    public ReadOnlySpan<char> this[int spelling] => _text.AsSpan(_starts[spelling], _starts[spelling + 1] - _starts[spelling]);
}
