using System.Globalization;
using Microsoft.ML.NasTuners.Pipelines;

namespace Microsoft.ML.NasTuners.Cli.Pipelines;

/// <summary>
/// Runs each method on each data set for each seed and time limit: the seed splits the set 80/20 into training and
/// test data (the same split for every method) and seeds the search; the time limit bounds each search. ML.NET's
/// defaults run to the end once per seed, whatever the limit (their time is reported), and stand in every limit's table.
/// Each run's held-out test metric is the task's default metric.
/// </summary>
internal sealed class PipelineComparison(TextWriter log, bool evaluateDefaultsFirst = true, int? ensembleSize = null, PipelineTrialLog? trialLog = null)
{
    public sealed record Run(string DataSet, PipelineTask Task, PipelineMetric Metric, string Method, int Seed, double TimeLimit,
        double TestMetric, int Trials, double Seconds, string Best);

    public async Task<IReadOnlyList<Run>> RunAllAsync(IReadOnlyList<string> sets, IReadOnlyList<string> methods,
        IReadOnlyList<int> seeds, IReadOnlyList<double> timeLimits, int? maxTrials, CancellationToken cancellationToken)
    {
        var runs = new List<Run>();
        foreach (var set in sets)
        {
            var task = TabularTasks.All[set];
            foreach (var seed in seeds)
            {
                var (context, train, testSet) = TabularTasks.Split(set, seed);
                foreach (var method in methods)
                {
                    // ML.NET's defaults are a fixed set of trainers: they run to the end, and their time is reported.
                    var limits = method == ComparisonMethods.MlNetDefaults ? [double.PositiveInfinity] : timeLimits;
                    foreach (var limit in limits)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var experiment = Create(context, task, train, testSet).SetSeed(seed).SetEvaluateDefaultsFirst(evaluateDefaultsFirst);
                        if (double.IsFinite(limit)) experiment.SetTimeLimit(limit);
                        if (maxTrials is { } n) experiment.SetMaxTrials(n);
                        if (ensembleSize is { } size) experiment.SetEnsembleSize(size);
                        var result = await ComparisonMethods.Run(method, experiment, cancellationToken).ConfigureAwait(false);
                        var test = result.TestMetrics?[result.Metric] ?? double.NaN;
                        trialLog?.Write(set, seed, method, limit, result);
                        var run = new Run(set, task, result.Metric, method, seed, limit, test, result.Trials.Count, result.Elapsed.TotalSeconds,
                            result.Ensemble is { } ensemble ? $"ensemble of {string.Join(" + ", ensemble.Members.Select(m => m.Trainer))}" : result.BestTrial?.Trainer ?? "-");
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"pipelines: {set} seed {seed} {method}{(double.IsFinite(limit) ? $" {limit} s" : "")}: test {result.Metric} {test:F4}, {run.Trials} trials, {run.Seconds:F1} s, best {run.Best}"));
                        runs.AddRange(double.IsFinite(limit) ? [run] : timeLimits.Select(l => run with { TimeLimit = l }));
                    }
                }
            }
        }
        return runs;
    }

    internal static PipelineExperiment Create(MLContext context, PipelineTask task, IDataView train, IDataView test) => task switch
    {
        PipelineTask.BinaryClassification => context.Nas().BinaryClassification(train, TabularTasks.Label, test),
        PipelineTask.MulticlassClassification => context.Nas().MulticlassClassification(train, TabularTasks.Label, test),
        _ => context.Nas().Regression(train, TabularTasks.Label, test),
    };

    /// <summary>A markdown table per time limit (<see cref="Table"/>) under a heading naming the limit, when there are
    /// several; the table alone when there is one.</summary>
    public static string Tables(IReadOnlyList<Run> runs)
    {
        var limits = runs.Select(r => r.TimeLimit).Distinct().ToArray();
        if (limits.Length == 1) return Table(runs);
        return string.Join(Environment.NewLine, limits.Select(limit => string.Create(CultureInfo.InvariantCulture,
            $"### Time limit {limit} s{Environment.NewLine}{Environment.NewLine}{Table(runs.Where(r => r.TimeLimit == limit).ToArray())}")));
    }

    /// <summary>The markdown table: per data set and method, the test metric's mean and standard deviation over seeds
    /// and the mean trial count and time; then, for each searching method, the sets where its mean beats the mean of
    /// ML.NET's defaults.</summary>
    public static string Table(IReadOnlyList<Run> runs)
    {
        var lines = new List<string>
        {
            "| data set | task | metric | method | test mean | test sd | seeds | trials (mean) | time s (mean) | best trainers |",
            "| :--- | :--- | :--- | :--- | ---: | ---: | ---: | ---: | ---: | :--- |",
        };
        foreach (var group in runs.GroupBy(r => (r.DataSet, r.Method)))
        {
            var values = group.Select(r => r.TestMetric).ToArray();
            var mean = values.Average();
            var sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
            var first = group.First();
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {first.DataSet} | {first.Task} | {first.Metric} | {first.Method} | {mean:F4} | {sd:F4} | {values.Length} | {group.Average(r => r.Trials):F1} | {group.Average(r => r.Seconds):F1} | {string.Join(", ", group.Select(r => r.Best).Distinct())} |"));
        }
        lines.AddRange(Wins(runs));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static IEnumerable<string> Wins(IReadOnlyList<Run> runs)
    {
        var baseline = runs.Where(r => r.Method == ComparisonMethods.MlNetDefaults).GroupBy(r => r.DataSet)
            .ToDictionary(g => g.Key, g => g.Average(r => r.TestMetric));
        if (baseline.Count == 0) yield break;
        foreach (var method in runs.Select(r => r.Method).Distinct().Where(m => m != ComparisonMethods.MlNetDefaults))
        {
            var sets = runs.Where(r => r.Method == method && baseline.ContainsKey(r.DataSet)).GroupBy(r => r.DataSet)
                .Select(g => (Set: g.Key, Beats: Beats(g.First().Metric, g.Average(r => r.TestMetric), baseline[g.Key]))).ToArray();
            var won = sets.Where(s => s.Beats).Select(s => s.Set).ToArray();
            yield return "";
            yield return $"{method} beats {ComparisonMethods.MlNetDefaults} (test mean) on {won.Length} of {sets.Length} sets{(won.Length > 0 ? ": " + string.Join(", ", won) : "")}.";
        }
    }

    // NaN (a seed without a model) never beats anything.
    private static bool Beats(PipelineMetric metric, double mean, double baseline) =>
        metric.ToLoss(mean) < metric.ToLoss(baseline);
}
