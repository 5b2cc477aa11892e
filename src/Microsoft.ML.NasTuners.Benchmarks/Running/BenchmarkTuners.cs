using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>The tuners the benchmark knows.</summary>
public static class BenchmarkTuners
{
    /// <summary>
    /// A new registry holding every standard tuner. This is the one place tuners are registered: a new tuner is one
    /// more <c>.Add(name, description, (space, seed, problem) =&gt; new ...)</c> line. The single-fidelity tuners that
    /// need nothing of the problem come from Core's <see cref="StandardTuners"/>; the multi-fidelity ones round their
    /// budgets (the problems count whole epochs or samples) and evolution reads the problem's architecture.
    /// </summary>
    public static TunerRegistry CreateRegistry() => new TunerRegistry()
        .Add("random", "Uniform random search over the feature space", Standard(TunerKind.Random))
        .Add("sobol", "Scrambled Sobol sequence (Joe & Kuo direction numbers) over the feature space", Standard(TunerKind.Sobol))
        .Add("smac", "SMAC: random-forest SMBO with expected improvement and one-exchange local search", Standard(TunerKind.Smac))
        .Add("tpe", "Tree-structured Parzen estimator, one density per parameter (default TpeOptions)", Standard(TunerKind.Tpe))
        .Add("tpe-mv", "Multivariate TPE: one joint density per group of parameters active together", Standard(TunerKind.TpeMultivariate))
        .Add("gp", "GP-BO (Spearmint style): Matern-5/2 ARD, slice-sampled hyper-parameters, integrated EI (default GpOptions)", Standard(TunerKind.Gp))
        .Add("gp-map", "GP-BO with MAP hyper-parameters (L-BFGS-B) instead of slice sampling", Standard(TunerKind.GpMap))
        .Add("evolution", "Regularised (aging) evolution (Real et al. 2019): population 10, tournament of 10, one-dimension mutations; never repeats an architecture",
            (space, seed, problem, _) => new RegularizedEvolutionTuner(space, null, seed, problem.Architecture))
        .Add("hyperband", "Hyperband (Li et al. 2018): successive-halving brackets over random configurations, eta 3",
            (space, seed, problem, _) => MultiFidelity(problem, (min, max) => new HyperbandTuner(space,
                new HyperbandOptions { MinBudget = min, MaxBudget = max, RoundBudgets = true }, seed)))
        .Add("asha", "Asynchronous successive halving (ASHA, Li et al. 2020) over random configurations, eta 3",
            (space, seed, problem, _) => MultiFidelity(problem, (min, max) => new HyperbandTuner(space,
                new HyperbandOptions { MinBudget = min, MaxBudget = max, RoundBudgets = true, Asynchronous = true }, seed)))
        .Add("bohb", "BOHB (Falkner et al. 2018): Hyperband with proposals from good/bad kernel densities",
            (space, seed, problem, _) => MultiFidelity(problem, (min, max) => new BohbTuner(space,
                new BohbOptions { MinBudget = min, MaxBudget = max, RoundBudgets = true }, seed)))
        .Add("ssk-gp", "Architectures: GP with the sub-sequence string kernel over the architecture string (BOSS), EI by evolution",
            (space, seed, problem, _) => new StringKernelGpTuner(space, ArchitectureOf(problem, "ssk-gp"), seed: seed),
            HasArchitecture, ArchitectureRequirement)
        .Add("wl-gp", "Architectures: GP with the Weisfeiler-Lehman graph kernel (NAS-BOWL), EI by evolution",
            (space, seed, problem, _) => new GraphKernelGpTuner(space, ArchitectureOf(problem, "wl-gp"), seed: seed),
            HasArchitecture, ArchitectureRequirement)
        .Add("auto", "Chooses by the space and the problem (docs/tuners/auto.md): ssk-gp for architectures, gp-map for few dimensions, else bohb with budgets or tpe-mv; leaves gp-map for tpe-mv past its measured trial count",
            (space, seed, problem, run) => new AutoTuner(space, AutoOptionsOf(problem, run), seed))
        .AddOnEmbeddings("smac", "SMAC's random forest", "EI by evolution",
            (space, encoding, embedding, seed) => new EmbeddingForestTuner(space, encoding, embedding, seed: seed))
        .AddOnEmbeddings("gp", "GP with a Matern-5/2 kernel", "EI by evolution",
            (space, encoding, embedding, seed) => new EmbeddingGpTuner(space, encoding, embedding, seed: seed))
        .AddOnEmbeddings("tpe", "TPE's good/bad density ratio", "maximised by evolution",
            (space, encoding, embedding, seed) => new EmbeddingTpeTuner(space, encoding, embedding, seed: seed));

    // A standard tuner as Core builds it from its kind (the AutoML bridge builds the same ones), for every problem.
    private static TunerFactory Standard(TunerKind kind) => (space, seed, _, _) => StandardTuners.Create(kind, space, seed);

    // Registers "{family}-wl" (Weisfeiler-Lehman features, any architecture problem) and "{family}-path" (the BANANAS
    // path encoding, NB201 problems only) for a tuner that takes an embedding (null means WL features).
    private static TunerRegistry AddOnEmbeddings(this TunerRegistry registry, string family, string model, string search,
        Func<SearchSpace, IArchitectureEncoding, IArchitectureEmbedding?, int, ITuner> create)
    {
        var wl = $"{family}-wl";
        var path = $"{family}-path";
        return registry
            .Add(wl, $"Architectures: {model} on Weisfeiler-Lehman features, {search}",
                (space, seed, problem, _) => create(space, ArchitectureOf(problem, wl), null, seed),
                HasArchitecture, ArchitectureRequirement)
            .Add(path, $"Architectures: {model} on the BANANAS path encoding (NAS-Bench-201 problems), {search}",
                (space, seed, problem, _) => create(space, ArchitectureOf(problem, path),
                    new PathEmbedding(ArchitectureOf(problem, path), PathEncodingOf(problem, path)), seed),
                problem => problem is Nb201Problem, PathRequirement);
    }

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

    // What a problem and a run tell the automatic tuner, as an experiment tells its default tuner; the rule that reads
    // proposal time stays off, so a seeded run is reproducible on any machine.
    private static AutoTunerOptions AutoOptionsOf(IBenchmarkProblem problem, RunShape run) => new()
    {
        MaxTrials = run.MaxTrials,
        DegreeOfParallelism = run.DegreeOfParallelism,
        Budgets = problem.MinBudget is { } min && problem.MaxBudget is { } max ? new BudgetRange(min, max) : null,
        RoundBudgets = true,
        Architecture = problem.Architecture,
    };

    // Budgets are rounded because the problems count them in whole epochs or samples. On a single-fidelity problem
    // the schedule has one budget, so every trial runs at full fidelity.
    private static ITuner MultiFidelity(IBenchmarkProblem problem, Func<double, double, ITuner> create) =>
        problem.MinBudget is { } min && problem.MaxBudget is { } max
            ? create(min, max)
            : new SingleFidelityAdapter(create(1, 1));

}
