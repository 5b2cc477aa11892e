namespace Microsoft.ML.NasTuners;

/// <summary>The entry point reached from <c>mlContext.Nas()</c>.</summary>
public sealed class NasCatalog
{
    internal NasCatalog(MLContext context) => Context = context;

    /// <summary>The context this catalog was reached from.</summary>
    internal MLContext Context { get; }

    /// <summary>Creates an experiment to configure with its fluent setters and run with
    /// <see cref="NasExperiment.RunAsync"/>. Defaults: 100 trials, no time limit, no trial timeout, one trial at a
    /// time, seed 0, the <see cref="Tuners.AutoTuner"/>. MLContext exposes no public seed, so set one with
    /// <see cref="NasExperiment.SetSeed"/>.</summary>
    public NasExperiment CreateExperiment() => new();
}
