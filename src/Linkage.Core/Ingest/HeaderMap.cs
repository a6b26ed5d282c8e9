namespace Linkage.Ingest;

/// <summary>
/// Where each contract column sits in one file, and the extra columns kept for reviewers. When two headers name the
/// same contract column the first wins and the second is kept as an extra column under its own header.
/// </summary>
internal sealed class HeaderMap
{
    private readonly int[] indexOf;

    private HeaderMap(RecordContract contract, IReadOnlyList<string> headers, int[] indexOf, IReadOnlyList<int> extras)
    {
        Contract = contract;
        Headers = headers;
        this.indexOf = indexOf;
        ExtraColumns = extras;
    }

    public RecordContract Contract { get; }

    /// <summary>The file's headers as displayed: trimmed, without BOM or control characters, "column N" when blank.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Indexes of the columns the contract does not name, in file order.</summary>
    public IReadOnlyList<int> ExtraColumns { get; }

    public int IdIndex => indexOf[(int)ContractColumn.Id];

    /// <summary>The file index of <paramref name="column"/>, or -1 when the file lacks it.</summary>
    public int IndexOf(ContractColumn column) => indexOf[(int)column];

    /// <summary>
    /// The name a field goes by in warnings: the contract's name for a contract column (birth_date), else the file's header.
    /// </summary>
    public string FieldName(int index)
    {
        var column = Array.IndexOf(indexOf, index);
        return column >= 0 ? ColumnAliases.Name((ContractColumn)column, Contract) : HeaderAt(index);
    }

    /// <summary>The file's header for field <paramref name="index"/>, or "column N" past the header's end.</summary>
    public string HeaderAt(int index) =>
        index >= 0 && index < Headers.Count ? Headers[index] : $"column {index + 1}";

    /// <summary>Maps <paramref name="rawHeaders"/>; throws <see cref="IngestException"/> when the id column is missing.</summary>
    public static HeaderMap Build(string file, IReadOnlyList<string> rawHeaders, RecordContract contract)
    {
        var headers = rawHeaders.Select((h, i) => Display(h, i)).ToArray();
        var indexOf = Enumerable.Repeat(-1, Enum.GetValues<ContractColumn>().Length).ToArray();
        var extras = new List<int>();
        for (var i = 0; i < headers.Length; i++)
        {
            if (ColumnAliases.TryFind(headers[i], contract, out var column) && indexOf[(int)column] < 0)
            {
                indexOf[(int)column] = i;
            }
            else
            {
                extras.Add(i);
            }
        }
        if (indexOf[(int)ContractColumn.Id] < 0)
        {
            var idName = ColumnAliases.Name(ContractColumn.Id, contract);
            var found = string.Join(", ", headers.Take(20).Select(h => h.Length <= 40 ? $"'{h}'" : $"'{h[..40]}…'"));
            var accepted = string.Join(", ", ColumnAliases.Accepted(ContractColumn.Id, contract));
            throw new IngestException(file,
                $"no '{idName}' column in the header, and it is the one required column (accepted headers: {accepted}; found {headers.Length} columns: {found})");
        }
        return new HeaderMap(contract, headers, indexOf, extras);
    }

    private static string Display(string header, int index)
    {
        var cleaned = new string(header.Where(c => c != '\uFEFF' && !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length > 0 ? cleaned : $"column {index + 1}";
    }
}
