namespace Microsoft.ML.NasTuners.Benchmarks.Pruning;

/// <summary>
/// Pruning against none at equal total epochs, on a multi-fidelity problem read as learning curves: each trial trains
/// epoch by epoch up to the problem's full budget, reporting the problem's loss at that budget after every epoch; a
/// run ends when its epochs are spent, and scores the best trial that trained to the end (a pruned trial's model is
/// not a finished one). The tuner is the same in every arm and learns only from finished trials.
/// </summary>
public static class PruningComparison
{
    /// <summary>The pruners compared by default, by name; any of <see cref="BenchmarkPruners.Names"/> may be run.</summary>
    public static IReadOnlyList<string> Pruners { get; } = ["none", "median", "asha"];

    /// <summary>Runs one arm: a fresh tuner from <paramref name="tuners"/> on <paramref name="problemName"/>, for
    /// <paramref name="epochs"/> epochs in all.</summary>
    /// <exception cref="ArgumentException">The problem has no budget range, or a name is unknown.</exception>
    public static async Task<PruningRun> RunAsync(TunerRegistry tuners, string problemName, string tuner, string pruner, int seed, long epochs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tuners);
        var problem = BenchmarkProblems.Create(problemName);
        if (problem.MinBudget is not { } min || problem.MaxBudget is not { } max)
            throw new ArgumentException($"Problem '{problemName}' has no budget range to read as epochs (use mf_hartmann6).", nameof(problemName));
        var spent = 0L;
        using var outOfEpochs = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var experiment = new MLContext(seed).Nas().CreateExperiment()
            .SetSearchSpace(problem.SearchSpace)
            // A single-fidelity run of the tuner: the epochs are the trial's own business, not the tuner's budget.
            .SetTuner((space, s) => tuners.Create(tuner, space, s, LearningCurves.TunerView(problem)))
            .SetObjective((parameter, trial, _) => LearningCurves.Train(problem, parameter, trial, () =>
            {
                if (Interlocked.Increment(ref spent) > epochs)
                {
                    outOfEpochs.Cancel();
                    throw new OperationCanceledException("The epochs are spent.");
                }
            }))
            .SetMaxTrials(int.MaxValue)
            .SetSeed(seed);
        if (BenchmarkPruners.Create(pruner, min, max) is { } p) experiment.SetPruner(p);
        var result = await experiment.RunAsync(outOfEpochs.Token).ConfigureAwait(false);
        var finished = result.Trials.Where(t => t.Status == TrialStatus.Succeeded).ToArray();
        var regret = finished.Length == 0 ? double.PositiveInfinity : (finished.Min(t => t.Loss) - problem.OptimalValue) / problem.RegretScale;
        return new PruningRun(pruner, seed, regret, result.Trials.Count, finished.Length,
            result.Trials.Count(t => t.Status == TrialStatus.Pruned), Math.Min(spent, epochs));
    }
}
