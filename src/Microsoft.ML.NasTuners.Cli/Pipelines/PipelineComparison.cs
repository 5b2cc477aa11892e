using System.Globalization;
using Microsoft.ML.NasTuners.Data;
using Microsoft.ML.NasTuners.Pipelines;
using Microsoft.ML.NasTuners.Pipelines.Data;

namespace Microsoft.ML.NasTuners.Cli.Pipelines;

/// <summary>
/// Runs each method on each data set for each seed: the seed splits the set 80/20 into training and test data (the
/// same split for every method) and seeds the search; the time limit bounds each search (ML.NET's defaults run to the
/// end, their time is reported). Each run's held-out test metric is the task's default metric.
/// </summary>
internal sealed class PipelineComparison(TextWriter log)
{
    public sealed record Run(string DataSet, PipelineTask Task, PipelineMetric Metric, string Method, int Seed,
        double TestMetric, int Trials, double Seconds, string Best);

    public async Task<IReadOnlyList<Run>> RunAllAsync(IReadOnlyList<string> sets, IReadOnlyList<string> methods,
        IReadOnlyList<int> seeds, double timeLimit, int? maxTrials, CancellationToken cancellationToken)
    {
        var runs = new List<Run>();
        var directory = NasDataSets.Tabular.RequireDirectory();
        foreach (var set in sets)
        {
            var task = TabularTasks.All[set];
            foreach (var seed in seeds)
            {
                var context = new MLContext(seed: seed);
                var data = TabularCsv.Load(context, Path.Combine(directory, set + ".csv"));
                var split = context.Data.TrainTestSplit(data, testFraction: 0.2, seed: seed);
                foreach (var method in methods)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var experiment = Create(context, task, split.TrainSet, split.TestSet).SetSeed(seed);
                    // ML.NET's defaults are a fixed set of trainers: they run to the end, and their time is reported.
                    if (method != ComparisonMethods.MlNetDefaults) experiment.SetTimeLimit(timeLimit);
                    if (maxTrials is { } n) experiment.SetMaxTrials(n);
                    var result = await ComparisonMethods.Run(method, experiment, cancellationToken).ConfigureAwait(false);
                    var test = result.TestMetrics?[result.Metric] ?? double.NaN;
                    var run = new Run(set, task, result.Metric, method, seed, test, result.Trials.Count, result.Elapsed.TotalSeconds,
                        result.BestTrial?.Trainer ?? "-");
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"pipelines: {set} seed {seed} {method}: test {result.Metric} {test:F4}, {run.Trials} trials, {run.Seconds:F1} s, best {run.Best}"));
                    runs.Add(run);
                }
            }
        }
        return runs;
    }

    private static PipelineExperiment Create(MLContext context, PipelineTask task, IDataView train, IDataView test) => task switch
    {
        PipelineTask.BinaryClassification => context.Nas().BinaryClassification(train, TabularTasks.Label, test),
        PipelineTask.MulticlassClassification => context.Nas().MulticlassClassification(train, TabularTasks.Label, test),
        _ => context.Nas().Regression(train, TabularTasks.Label, test),
    };

    /// <summary>The markdown table: per data set and method, the test metric's mean and standard deviation over seeds,
    /// the mean trial count and time, and how often each method's mean is the best of the set.</summary>
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
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
