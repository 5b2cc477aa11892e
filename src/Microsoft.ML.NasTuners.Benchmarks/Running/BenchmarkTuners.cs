using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The tuners the benchmark knows.</summary>
public static class BenchmarkTuners
{
    /// <summary>
    /// A new registry holding every standard tuner. This is the one place tuners are registered: a new tuner is one
    /// more <c>.Add(name, description, (space, seed, problem) =&gt; new ...)</c> line.
    /// </summary>
    public static TunerRegistry CreateRegistry() => new TunerRegistry()
        .Add("random", "Uniform random search over the feature space", (space, seed, _) => new RandomSearchTuner(space, seed))
        .Add("sobol", "Scrambled Sobol sequence (Joe & Kuo direction numbers) over the feature space", (space, seed, _) => new SobolTuner(space, seed))
        .Add("tpe", "Tree-structured Parzen estimator, one density per parameter (default TpeOptions)", (space, seed, _) => new TpeTuner(space, null, seed))
        .Add("tpe-mv", "Multivariate TPE: one joint density per group of parameters active together", (space, seed, _) => new TpeTuner(space, new TpeOptions { Multivariate = true }, seed))
        .Add("gp", "GP-BO (Spearmint style): Matern-5/2 ARD, slice-sampled hyper-parameters, integrated EI (default GpOptions)", (space, seed, _) => new GpTuner(space, null, seed))
        .Add("gp-map", "GP-BO with MAP hyper-parameters (L-BFGS-B) instead of slice sampling", (space, seed, _) => new GpTuner(space, new GpOptions { HyperparameterMode = HyperparameterMode.Map }, seed));
}
