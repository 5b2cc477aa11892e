using System.Globalization;
using MathNet.Numerics.Statistics;
using Microsoft.ML.NasTuners.Pipelines;

namespace Microsoft.ML.NasTuners.Cli.Pipelines;

/// <summary>
/// Do the pipeline fidelities rank configurations as the full budget does, and what do they save? (<c>pipelines
/// --fidelity-check N</c>.) On each data set and seed, N configurations of a seeded random search are each trained and
/// validated at the budgets 1, 3 and 9 (a ninth, a third and all of the training rows and boosting iterations), in a
/// trial-limited run whose numbers do not depend on the machine's speed except the times. The report gives every
/// configuration's validation loss and time at each budget, the Spearman rank correlation of the losses at each lower
/// budget with those at the full one, and where the full budget's best configuration ranks at the lower ones.
/// </summary>
internal static class FidelityCheck
{
    public static readonly double[] Budgets = [1, 3, 9];

    public static async Task<string> RunAsync(TextWriter log, IReadOnlyList<string> sets, IReadOnlyList<int> seeds, int configurations,
        CancellationToken cancellationToken)
    {
        var report = new List<string>();
        foreach (var set in sets)
            foreach (var seed in seeds)
            {
                var (context, train, test) = TabularTasks.Split(set, seed);
                var experiment = PipelineComparison.Create(context, TabularTasks.All[set], train, test)
                    .SetSeed(seed)
                    .SetEnsembleSize(1) // the check reads the trials; an ensemble would only add refits
                    .SetEvaluateDefaultsFirst(false)
                    .SetTuner((space, s) => new FidelityDesignTuner(space, s, Budgets))
                    .SetMaxTrials(configurations * Budgets.Length);
                var result = await experiment.RunAsync(cancellationToken).ConfigureAwait(false);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipelines: {set} seed {seed}: fidelity check of {configurations} configurations done in {result.Elapsed.TotalSeconds:F0} s"));
                report.AddRange(Describe(set, seed, result));
                report.Add("");
            }
        return string.Join(Environment.NewLine, report);
    }

    internal static IEnumerable<string> Describe(string set, int seed, PipelineResult result)
    {
        // Trial 3k + i is configuration k at budget i (FidelityDesignTuner).
        var rows = result.Trials.GroupBy(t => t.TrialId / Budgets.Length).OrderBy(g => g.Key)
            .Select(g => (Configuration: g.Key, Trainer: g.First().Trainer, Trials: Budgets.Select(b => g.FirstOrDefault(t => t.Budget == b)).ToArray()))
            .ToList();
        yield return string.Create(CultureInfo.InvariantCulture, $"#### {set}, seed {seed}: {rows.Count} configurations at budgets {string.Join(", ", Budgets)} ({result.Metric} as a loss)");
        yield return "";
        yield return "| configuration | trainer | " + string.Join(" | ", Budgets.Select(b => $"loss at {b}")) + " | " + string.Join(" | ", Budgets.Select(b => $"s at {b}")) + " |";
        yield return "| ---: | :--- | " + string.Join(" | ", Budgets.Select(_ => "---:")) + " | " + string.Join(" | ", Budgets.Select(_ => "---:")) + " |";
        foreach (var row in rows)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {row.Configuration} | {row.Trainer} | {string.Join(" | ", row.Trials.Select(t => t is { Status: TrialStatus.Succeeded } ? t.Loss.ToString("G4", CultureInfo.InvariantCulture) : "-"))} | {string.Join(" | ", row.Trials.Select(t => t is null ? "-" : (t.DurationInMilliseconds / 1000).ToString("F1", CultureInfo.InvariantCulture)))} |");
        }
        var complete = rows.Where(r => r.Trials.All(t => t is { Status: TrialStatus.Succeeded })).ToList();
        yield return "";
        if (complete.Count < 3)
        {
            yield return $"Too few configurations succeeded at every budget ({complete.Count}) to rank.";
            yield break;
        }
        var full = complete.Select(r => r.Trials[^1]!.Loss).ToArray();
        var bestAtFull = Array.IndexOf(full, full.Min());
        var summaries = new List<string>();
        for (var i = 0; i < Budgets.Length - 1; i++)
        {
            var low = complete.Select(r => r.Trials[i]!.Loss).ToArray();
            var rank = 1 + low.Count(v => v < low[bestAtFull]);
            var time = complete.Sum(r => r.Trials[i]!.DurationInMilliseconds) / complete.Sum(r => r.Trials[^1]!.DurationInMilliseconds);
            summaries.Add(string.Create(CultureInfo.InvariantCulture,
                $"budget {Budgets[i]}: Spearman {Correlation.Spearman(low, full):F3} with the full budget, its best configuration ranked {rank} of {complete.Count}, {time:P0} of the full budget's time"));
        }
        yield return string.Create(CultureInfo.InvariantCulture, $"Over the {complete.Count} configurations that succeeded at every budget: ") + string.Join("; ", summaries) + ".";
    }
}
