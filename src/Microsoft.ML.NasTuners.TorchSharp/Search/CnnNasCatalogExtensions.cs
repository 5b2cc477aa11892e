namespace Microsoft.ML.NasTuners.TorchSharp;

/// <summary>CNN architecture search from <c>mlContext.Nas()</c>.</summary>
public static class CnnNasCatalogExtensions
{
    /// <summary>
    /// An experiment over <see cref="CnnSearchSpace"/> whose trials <paramref name="runner"/> trains, with budgets in
    /// epochs from <see cref="CnnTrialRunner.MinEpochs"/> to <see cref="CnnTrialRunner.MaxEpochs"/>; set the tuner,
    /// trial count or time limit, seed and the rest on the returned experiment, then run it. The runner keeps
    /// checkpoints: the best trial's network is <c>runner.GetCheckpoint(best.TrialSettings)?.CreateNetwork()</c>.
    /// </summary>
    /// <remarks>
    /// Without <c>SetTuner</c> the experiment's default, the <see cref="Tuners.AutoTuner"/>, chooses by the space and
    /// these budgets (whole epochs). A single-fidelity tuner (random, Sobol, TPE) gives every trial the full budget. A multi-fidelity tuner (Hyperband,
    /// BOHB) must propose from the same range, for example
    /// <c>.SetTuner((space, seed) =&gt; new BohbTuner(space, new BohbOptions { MinBudget = runner.MinEpochs, MaxBudget =
    /// runner.MaxEpochs, RoundBudgets = true }, seed))</c>; the run fails at its start otherwise. Its promoted
    /// configurations continue from their checkpoints and are charged only the extra epochs.
    /// </remarks>
    /// <example>
    /// <code>
    /// var split = DigitsDataset.Load();
    /// var runner = new CnnTrialRunner(split.Train, split.Validation, new CnnTrialRunnerOptions { MaxEpochs = 27 });
    /// var result = await mlContext.Nas().ImageClassification(runner, new CnnSearchSpaceOptions { MaxStages = 3, MaxChannels = 64 })
    ///     .SetTuner((space, seed) =&gt; new BohbTuner(space, new BohbOptions { MinBudget = 1, MaxBudget = 27, RoundBudgets = true }, seed))
    ///     .SetTimeLimit(600)
    ///     .RunAsync();
    /// var best = CnnConfiguration.FromParameter(result.EnsureSucceeded().BestTrial!.TrialSettings.Parameter);
    /// </code>
    /// </example>
    /// <param name="catalog">The catalog from <c>mlContext.Nas()</c>.</param>
    /// <param name="runner">Trains the trials on the data it was given.</param>
    /// <param name="searchSpace">Bounds of the space; the defaults when null.</param>
    public static NasExperiment ImageClassification(this NasCatalog catalog, CnnTrialRunner runner, CnnSearchSpaceOptions? searchSpace = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(runner);
        return catalog.CreateExperiment()
            .SetSearchSpace(CnnSearchSpace.Create(searchSpace))
            .SetTrialRunner(runner)
            .SetBudget(runner.MinEpochs, runner.MaxEpochs);
    }
}
