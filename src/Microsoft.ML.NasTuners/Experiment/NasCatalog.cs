namespace Microsoft.ML.NasTuners;

/// <summary>The entry point reached from <c>mlContext.Nas()</c>.</summary>
public sealed class NasCatalog
{
    internal NasCatalog(MLContext context) => Context = context;

    /// <summary>The context this catalog was reached from.</summary>
    internal MLContext Context { get; }

    /// <summary>Creates an experiment to configure with its fluent setters and run with
    /// <see cref="NasExperiment.RunAsync"/>. Defaults: 100 trials, no time limit, no trial timeout, one trial at a
    /// time, the <see cref="Tuners.AutoTuner"/>, and the seed of the context (<c>new MLContext(seed: 1)</c> seeds
    /// every tuner with 1), or 0 for a context made without one; <see cref="NasExperiment.SetSeed"/> overrides it.</summary>
    public NasExperiment CreateExperiment()
    {
        var experiment = new NasExperiment();
        if (MLContextSeed.Of(Context) is { } seed) experiment.SetSeed(seed);
        return experiment;
    }
}
