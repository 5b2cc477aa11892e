using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>Every field of a summary, doubles to the last bit, as one line: summaries compare exactly and a difference
/// reads at a glance (a record would compare its checkpoints' dictionary by reference).</summary>
internal static class SummaryText
{
    public static IReadOnlyList<string> Of(IEnumerable<BenchmarkSummary> summaries) => summaries.Select(Of).ToArray();

    private static string Of(BenchmarkSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Problem} {s.Tuner} seeds={s.Seeds} median={s.MedianRegret:R} q25={s.Q25Regret:R} q75={s.Q75Regret:R} proposeMs={s.MeanProposeMs:R} failed={s.FailedTrials} fullBudgets={s.MedianFullBudgetsSpent:R} at={string.Join(",", s.MedianRegretAt.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}:{p.Value:R}")))}");
}
