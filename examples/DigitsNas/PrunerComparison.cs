using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.NasTuners;
using Microsoft.ML.NasTuners.Pruning;
using Microsoft.ML.NasTuners.TorchSharp;

/// <summary>
/// Pruning against none on the digits CNN search at equal total epochs (<c>--compare-pruners</c>). Every arm runs the
/// same single-fidelity tuner, one trial at a time, each trial training up to the full epochs and reporting its
/// validation cross-entropy after every epoch; the pruner alone decides how far a trial goes. A run ends when its epochs
/// are spent. It is scored by the trial that trained to the end with the lowest validation loss: that network's
/// accuracy and loss on the test part, which no trial saw.
/// </summary>
internal static class PrunerComparison
{
    public static readonly string[] Pruners = ["none", "median", "asha"];

    private sealed record Run(string Pruner, int Seed, double TestAccuracy, double TestLoss, double ValidationLoss,
        int Trials, int FullTrainings, int Pruned, long Epochs, TimeSpan Time);

    public static async Task<int> RunAsync(Options options, DigitsSplit split)
    {
        var runs = new List<Run>();
        foreach (var pruner in options.ComparedPruners!)
            foreach (var seed in options.Seeds)
            {
                var run = await RunOneAsync(options, split, pruner, seed).ConfigureAwait(false);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{pruner} seed {seed}: test accuracy {run.TestAccuracy:F4}, {run.Trials} trials, {run.FullTrainings} full, {run.Pruned} pruned, {run.Epochs} epochs, {run.Time.TotalSeconds:F0} s"));
                runs.Add(run);
            }

        var epochs = (long)options.FullTrainings * options.Epochs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"digits CNN search, tuner {options.Tuner}, {epochs} epochs per run ({options.FullTrainings} full trainings of {options.Epochs}), seeds {string.Join(",", options.Seeds)}"));
        Console.WriteLine();
        Console.WriteLine("| pruner | test accuracy (median) | min | max | test loss (median) | trials started (mean) | trained to the end (mean) | pruned (mean) | epochs (mean) | time per run (mean) |");
        Console.WriteLine("| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var pruner in options.ComparedPruners!)
        {
            var of = runs.Where(r => r.Pruner == pruner).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pruner} | {Median(of.Select(r => r.TestAccuracy)):F4} | {of.Min(r => r.TestAccuracy):F4} | {of.Max(r => r.TestAccuracy):F4} | {Median(of.Select(r => r.TestLoss)):F4} | {of.Average(r => r.Trials):0.#} | {of.Average(r => r.FullTrainings):0.#} | {of.Average(r => r.Pruned):0.#} | {of.Average(r => r.Epochs):0.#} | {of.Average(r => r.Time.TotalSeconds):F0} s |"));
        }
        return 0;
    }

    private static async Task<Run> RunOneAsync(Options options, DigitsSplit split, string pruner, int seed)
    {
        var clock = Stopwatch.StartNew();
        var runner = new CnnTrialRunner(split.Train, split.Validation, new CnnTrialRunnerOptions
        {
            MinEpochs = 1,
            MaxEpochs = options.Epochs,
            Seed = seed,
            MaxThreads = 1,
            // Cross-entropy, not the error: on digits many networks tie at a few errors, and curves that tie say
            // nothing to a pruner.
            Objective = CnnObjective.ValidationLoss,
            // Every trial's network stays, so that the best finished one can be tested however long ago it ran.
            MaxStoredCheckpoints = int.MaxValue,
        });
        using var stop = new CancellationTokenSource();
        var budget = new EpochBudgetRunner(runner, (long)options.FullTrainings * options.Epochs, stop);
        var experiment = new MLContext(seed).Nas().ImageClassification(runner, Options.SearchSpace)
            .SetTrialRunner(budget)
            .SetTuner(options.CreateTuner)
            .SetMaxTrials(int.MaxValue)
            .SetDegreeOfParallelism(1)
            .SetSeed(seed);
        if (CreatePruner(pruner) is { } p) experiment.SetPruner(p);
        var result = await experiment.RunAsync(stop.Token).ConfigureAwait(false);

        // A trial given fewer epochs than the full budget (the last one, cut to the epochs left) is not a full training.
        var finished = result.Trials
            .Where(t => t.Status == TrialStatus.Succeeded && (t.TrialSettings.Budget ?? options.Epochs) >= options.Epochs)
            .ToArray();
        var best = finished.MinBy(t => t.Loss) ?? throw new InvalidOperationException($"No trial trained to the end ({pruner}, seed {seed}); raise --full-trainings.");
        using var network = runner.GetCheckpoint(best.TrialSettings)?.CreateNetwork()
                      ?? throw new InvalidOperationException($"The checkpoint of trial {best.TrialSettings.TrialId} was not kept.");
        var (testLoss, testAccuracy) = new CnnTrainer(new CnnTrainerOptions { Seed = seed, MaxThreads = 1 }).Evaluate(network, split.Test);
        var trained = result.Trials.Count(t => t.Status != TrialStatus.Cancelled);   // not the one stopped before it began
        return new Run(pruner, seed, testAccuracy, testLoss, best.Loss, trained, finished.Length,
            result.CountOf(TrialStatus.Pruned), budget.Spent, clock.Elapsed);
    }

    // The pruners with their defaults, as `nas-tuners pruning` runs them on mf_hartmann6.
    private static IPruner? CreatePruner(string name) => name switch
    {
        "none" => null,
        "median" => new MedianPruner(),
        "asha" => new SuccessiveHalvingPruner(minResource: 1),
        _ => throw new ArgumentException($"unknown pruner {name}"),
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
