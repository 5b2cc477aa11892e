namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// The condition matrix of the review (issue 16): each condition in a full variant, which answers the question, and a
/// quick one (tiny budgets, fewer problems and tuners) that exercises the same path in a couple of minutes.
/// </summary>
/// <remarks>Which tuners apply: the general model-based and space-filling tuners everywhere; the multi-fidelity ones
/// (hyperband, asha, bohb) where the problems have budgets, since on a single fidelity they degrade to random
/// configurations; the architecture tuners only on the NAS-Bench-201 problems (the registry restricts them too).</remarks>
public static class ReviewConditions
{
    // auto runs in every condition, so that the review checks it against every rival (AutoValidation).
    private static readonly string[] General = ["random", "sobol", "smac", "tpe", "tpe-mv", "gp", "gp-map", "auto"];
    private static readonly string[] Architecture = ["random", "evolution", "smac", "tpe", "ssk-gp", "wl-gp", "smac-wl", "smac-path", "gp-wl", "gp-path", "tpe-wl", "tpe-path", "auto"];
    private static readonly string[] MultiFidelity = ["random", "hyperband", "asha", "bohb", "smac", "tpe", "gp-map", "auto"];
    private static readonly string[] Nb201 = ["nb201_cifar10", "nb201_cifar100", "nb201_imagenet16"];

    private const string GpHypothesis = "single fidelity, all real, a few dozen evaluations: GP-BO (Spearmint style)";
    private const string LargeHypothesis = "large or conditional spaces: SMAC's random forest or TPE";
    private const string FidelityHypothesis = "cheap lower fidelities: BOHB";
    private const string ArchitectureHypothesis = "architectures with a structural encoding: the string- or graph-kernel GP";

    /// <summary>The full review, as the issue lists it.</summary>
    public static IReadOnlyList<ReviewCondition> Full { get; } =
    [
        new()
        {
            Name = "low_dim", Description = "Low-dimensional continuous (2-3-D), small budget",
            Problems = ["branin", "six_hump_camel", "hartmann3"], Budgets = [25, 50], Tuners = General,
            Expected = ["gp", "gp-map"], Hypothesis = GpHypothesis,
        },
        new()
        {
            Name = "mid_high_dim", Description = "Mid/high-dimensional continuous (4-10-D)",
            Problems = ["hartmann6", "rosenbrock4", "styblinski_tang8", "levy10"], Budgets = [100, 200], Tuners = General,
            Expected = ["smac", "tpe", "tpe-mv"], Hypothesis = LargeHypothesis,
        },
        new()
        {
            Name = "conditional", Description = "Conditional and mixed spaces (ints, logs, categoricals, branches)",
            Problems = ["mixed3", "pipeline4"], Budgets = [50, 100], Tuners = General,
            Expected = ["smac", "tpe", "tpe-mv"], Hypothesis = LargeHypothesis,
        },
        new()
        {
            Name = "multi_fidelity", Description = "Multi-fidelity problems, compared at equal spent budget",
            Problems = ["mf_hartmann6", "counting_ones", "yahpo_lcbench"], Budgets = [10, 25, 50, 100], InFullBudgets = true,
            Tuners = MultiFidelity, Expected = ["bohb"], Hypothesis = FidelityHypothesis,
        },
        new()
        {
            Name = "nas", Description = "NAS-Bench-201 tabular architecture search, queries at full fidelity",
            Problems = Nb201, Budgets = [25, 50, 100], Tuners = Architecture,
            Expected = ["ssk-gp", "wl-gp", "gp-wl", "gp-path"], Hypothesis = ArchitectureHypothesis,
        },
        new()
        {
            Name = "noisy", Description = "Continuous problems with additive Gaussian noise (1 % and 10 % of the spread); regret on the noiseless value",
            Problems = NoisyProblems.Levels.Select(l => l.Name).ToArray(), Budgets = [50, 100], Tuners = General,
        },
        new()
        {
            Name = "parallel4", Description = "4 simulated workers (trials pending at once)",
            Problems = ["branin", "hartmann6", "mixed3"], Budgets = [50, 100], Parallel = 4, Tuners = General,
        },
        new()
        {
            Name = "parallel8", Description = "8 simulated workers (trials pending at once)",
            Problems = ["branin", "hartmann6", "mixed3"], Budgets = [50, 100], Parallel = 8, Tuners = General,
        },
    ];

    /// <summary>The quick review: the same conditions with tiny budgets, fewer problems and a subset of tuners, for a
    /// smoke run and the test; its numbers answer nothing.</summary>
    public static IReadOnlyList<ReviewCondition> Quick { get; } =
    [
        Shrink("low_dim", ["branin", "hartmann3"], [8, 16], ["random", "tpe", "smac", "gp-map", "auto"]),
        Shrink("mid_high_dim", ["hartmann6", "rosenbrock4"], [12, 24], ["random", "tpe", "smac", "auto"]),
        Shrink("conditional", ["mixed3", "pipeline4"], [12, 24], ["random", "tpe", "smac"]),
        Shrink("multi_fidelity", ["mf_hartmann6", "counting_ones"], [2, 4], ["random", "hyperband", "bohb"]),
        Shrink("nas", ["nb201_cifar10"], [8, 16], ["random", "evolution", "wl-gp"]),
        Shrink("noisy", ["branin_noise01", "branin_noise10"], [12, 24], ["random", "tpe", "smac"]),
        Shrink("parallel4", ["branin"], [16], ["random", "tpe", "smac"]),
        Shrink("parallel8", ["branin"], [16], ["random", "tpe", "smac"]),
    ];

    /// <summary>The conditions of the full or the quick review.</summary>
    public static IReadOnlyList<ReviewCondition> Of(bool quick) => quick ? Quick : Full;

    private static ReviewCondition Shrink(string name, string[] problems, int[] budgets, string[] tuners) =>
        Full.Single(c => c.Name == name) with { Problems = problems, Budgets = budgets, Tuners = tuners };
}
