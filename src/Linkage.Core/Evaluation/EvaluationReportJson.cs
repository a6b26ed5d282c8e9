using System.Text.Json;

namespace Linkage.Evaluation;

/// <summary>
/// An <see cref="EvaluationReport"/>'s figures as JSON (snake_case names), for recording runs in BENCHMARKS.md;
/// the curve is left out, it goes to the SVG.
/// </summary>
public static class EvaluationReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static string Serialize(EvaluationReport report) => JsonSerializer.Serialize(report, Options);
}
