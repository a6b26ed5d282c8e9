using Linkage.Names.Transliteration;
namespace Linkage.Places;

/// <summary>How large a settlement's status is; on an ambiguous name the larger kind wins.</summary>
internal enum SettlementKind : byte
{
    City = 0,
    UrbanTypeSettlement = 1,
    Village = 2,
}

/// <summary>One settlement with every name it is known by.</summary>
internal sealed record Settlement(
    int OblastId,
    int RaionId,
    SettlementKind Kind,
    string Ukrainian,
    string Russian,
    IReadOnlyList<string> FormerNames,
    IReadOnlyList<string> LatinAliases,
    bool InRussia)
{
    /// <summary>The KMU-2010 Latin name for Ukrainian places; the first Latin alias for Russian ones.</summary>
    public string Latin => InRussia
        ? (LatinAliases.Count > 0 ? LatinAliases[0] : string.Empty)
        : Transliterator.Get(Transliterator.NationalUkrainian).Transliterate(Ukrainian);
}

/// <summary>An oblast, raion or Russian federal subject with its display names.</summary>
internal sealed record Region(int Id, string Ukrainian, string Russian, string Latin);
