namespace Linkage.Comparison;

/// <summary>
/// Gives each distinct key string a small positive integer shared by both sides, so the pair loop and the
/// blocking index compare integers. 0 stands for "no key".
/// </summary>
internal sealed class KeyInterner
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Intern(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return 0;
        }
        lock (_gate)
        {
            if (!_ids.TryGetValue(key, out var id))
            {
                id = _ids.Count + 1;
                _ids.Add(key, id);
            }
            return id;
        }
    }

    public int Count => _ids.Count;

    /// <summary>Each id's key, at index id (index 0: the empty key).</summary>
    public string[] KeysById()
    {
        lock (_gate)
        {
            var keys = new string[_ids.Count + 1];
            keys[0] = string.Empty;
            foreach (var (key, id) in _ids)
            {
                keys[id] = key;
            }
            return keys;
        }
    }
}
