namespace Linkage.Evaluation;

/// <summary>
/// A matches or truth file that cannot be evaluated, naming the file, the line (where a record starts) and
/// the field at fault.
/// </summary>
public sealed class EvaluationInputException : Exception
{
    public EvaluationInputException()
    {
        FilePath = string.Empty;
    }

    public EvaluationInputException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    public EvaluationInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    /// <param name="line">1-based line where the faulty record starts; 0 when the fault is the whole file.</param>
    /// <param name="field">The column at fault, when one is.</param>
    public EvaluationInputException(string filePath, int line, string? field, string problem, Exception? innerException = null)
        : base(Describe(filePath, line, field, problem), innerException)
    {
        FilePath = filePath;
        Line = line;
        Field = field;
    }

    public string FilePath { get; }

    /// <summary>1-based line where the faulty record starts; 0 when the fault is the whole file.</summary>
    public int Line { get; }

    public string? Field { get; }

    private static string Describe(string filePath, int line, string? field, string problem) =>
        (line, field) switch
        {
            (0, _) => $"{filePath}: {problem}",
            (_, null) => $"{filePath}, line {line}: {problem}",
            _ => $"{filePath}, line {line}, field {field}: {problem}",
        };
}
