using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Linkage.Benchmarks;

/// <summary>
/// Adds an "Ops/s" column (with OperationsPerInvoke set to the pairs in a call, pairs per second) and the
/// minimum, which on this shared machine is less disturbed by the neighbours' load than the mean.
/// </summary>
public class PairsPerSecondConfig : ManualConfig
{
    public PairsPerSecondConfig() => AddColumn(StatisticColumn.Min, new OperationsPerSecondColumn());

    private sealed class OperationsPerSecondColumn : IColumn
    {
        public string Id => nameof(OperationsPerSecondColumn);
        public string ColumnName => "Ops/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Operations (pairs) per second on one thread";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return nanoseconds is > 0 ? $"{1e3 / nanoseconds.Value:0.00} M" : "-";
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
