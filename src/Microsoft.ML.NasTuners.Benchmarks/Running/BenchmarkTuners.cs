using Microsoft.ML.NasTuners.Architectures;
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
        .Add("smac", "SMAC: random-forest SMBO with expected improvement and one-exchange local search", (space, seed, _) => new SmacTuner(space, seed: seed))
        .Add("tpe", "Tree-structured Parzen estimator, one density per parameter (default TpeOptions)", (space, seed, _) => new TpeTuner(space, null, seed))
        .Add("tpe-mv", "Multivariate TPE: one joint density per group of parameters active together", (space, seed, _) => new TpeTuner(space, new TpeOptions { Multivariate = true }, seed))
        .Add("gp", "GP-BO (Spearmint style): Matern-5/2 ARD, slice-sampled hyper-parameters, integrated EI (default GpOptions)", (space, seed, _) => new GpTuner(space, null, seed))
        .Add("gp-map", "GP-BO with MAP hyper-parameters (L-BFGS-B) instead of slice sampling", (space, seed, _) => new GpTuner(space, new GpOptions { HyperparameterMode = HyperparameterMode.Map }, seed))
        .Add("evolution", "Regularised (aging) evolution (Real et al. 2019): population 10, tournament of 10, one-dimension mutations; never repeats an architecture",
            (space, seed, problem) => new RegularizedEvolutionTuner(space, null, seed, problem.Architecture))
        .Add("hyperband", "Hyperband (Li et al. 2018): successive-halving brackets over random configurations, eta 3",
            (space, seed, problem) => MultiFidelity(problem, (min, max) => new HyperbandTuner(space,
                new HyperbandOptions { MinBudget = min, MaxBudget = max, RoundBudgets = true }, seed)))
        .Add("asha", "Asynchronous successive halving (ASHA, Li et al. 2020) over random configurations, eta 3",
            (space, seed, problem) => MultiFidelity(problem, (min, max) => new HyperbandTuner(space,
                new HyperbandOptions { MinBudget = min, MaxBudget = max, RoundBudgets = true, Asynchronous = true }, seed)))
        .Add("bohb", "BOHB (Falkner et al. 2018): Hyperband with proposals from good/bad kernel densities",
            (space, seed, problem) => MultiFidelity(problem, (min, max) => new BohbTuner(space,
                new BohbOptions { MinBudget = min, MaxBudget = max, RoundBudgets = true }, seed)))
        .Add("ssk-gp", "Architectures: GP with the sub-sequence string kernel over the architecture string (BOSS), EI by evolution",
            (space, seed, problem) => new StringKernelGpTuner(space, ArchitectureOf(problem, "ssk-gp"), seed: seed),
            HasArchitecture, ArchitectureRequirement)
        .Add("wl-gp", "Architectures: GP with the Weisfeiler-Lehman graph kernel (NAS-BOWL), EI by evolution",
            (space, seed, problem) => new GraphKernelGpTuner(space, ArchitectureOf(problem, "wl-gp"), seed: seed),
            HasArchitecture, ArchitectureRequirement)
        .Add("smac-wl", "Architectures: SMAC's random forest on Weisfeiler-Lehman features, EI by evolution",
            (space, seed, problem) => new EmbeddingForestTuner(space, ArchitectureOf(problem, "smac-wl"), seed: seed),
            HasArchitecture, ArchitectureRequirement)
        .Add("smac-path", "Architectures: SMAC's random forest on the BANANAS path encoding (NAS-Bench-201 problems), EI by evolution",
            (space, seed, problem) => new EmbeddingForestTuner(space, ArchitectureOf(problem, "smac-path"),
                new PathEmbedding(ArchitectureOf(problem, "smac-path"), PathEncodingOf(problem, "smac-path")), seed: seed),
            problem => problem is Nb201Problem, PathRequirement)
        .Add("gp-wl", "Architectures: GP with a Matern-5/2 kernel on Weisfeiler-Lehman features, EI by evolution",
            (space, seed, problem) => new EmbeddingGpTuner(space, ArchitectureOf(problem, "gp-wl"), seed: seed),
            HasArchitecture, ArchitectureRequirement)
        .Add("gp-path", "Architectures: GP with a Matern-5/2 kernel on the BANANAS path encoding (NAS-Bench-201 problems), EI by evolution",
            (space, seed, problem) => new EmbeddingGpTuner(space, ArchitectureOf(problem, "gp-path"),
                new PathEmbedding(ArchitectureOf(problem, "gp-path"), PathEncodingOf(problem, "gp-path")), seed: seed),
            problem => problem is Nb201Problem, PathRequirement)
        .Add("tpe-wl", "Architectures: TPE's good/bad density ratio on Weisfeiler-Lehman features, maximised by evolution",
            (space, seed, problem) => new EmbeddingTpeTuner(space, ArchitectureOf(problem, "tpe-wl"), seed: seed),
            HasArchitecture, ArchitectureRequirement)
        .Add("tpe-path", "Architectures: TPE's good/bad density ratio on the BANANAS path encoding (NAS-Bench-201 problems), maximised by evolution",
            (space, seed, problem) => new EmbeddingTpeTuner(space, ArchitectureOf(problem, "tpe-path"),
                new PathEmbedding(ArchitectureOf(problem, "tpe-path"), PathEncodingOf(problem, "tpe-path")), seed: seed),
            problem => problem is Nb201Problem, PathRequirement);

    private const string PathRequirement = "a NAS-Bench-201 problem (nb201_*), whose operation vocabulary the path encoding needs";

    private const string ArchitectureRequirement = "an architecture problem (one with an architecture encoding, such as nb201_*)";

    private static bool HasArchitecture(IBenchmarkProblem problem) => problem.Architecture is not null;

    private static IArchitectureEncoding ArchitectureOf(IBenchmarkProblem problem, string tuner) =>
        problem.Architecture ?? throw new ArgumentException(
            $"Tuner '{tuner}' searches architectures, but problem '{problem.Name}' has no architecture encoding (use it on an nb201_* problem).", nameof(problem));

    // The path encoding needs the operation vocabulary, which only the NB201 problems declare; their longest
    // input-to-output path passes three operations.
    private static PathEncoding PathEncodingOf(IBenchmarkProblem problem, string tuner) => problem is Nb201Problem
        ? new PathEncoding(Nb201Operations.Computing, 3)
        : throw new ArgumentException($"Tuner '{tuner}' needs a problem with a declared operation vocabulary (nb201_*), not '{problem.Name}'.", nameof(problem));

    // Budgets are rounded because the problems count them in whole epochs or samples. On a single-fidelity problem
    // the schedule has one budget, so every trial runs at full fidelity.
    private static ITuner MultiFidelity(IBenchmarkProblem problem, Func<double, double, ITuner> create) =>
        problem.MinBudget is { } min && problem.MaxBudget is { } max
            ? create(min, max)
            : new SingleFidelityAdapter(create(1, 1));

}
