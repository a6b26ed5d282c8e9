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
}
