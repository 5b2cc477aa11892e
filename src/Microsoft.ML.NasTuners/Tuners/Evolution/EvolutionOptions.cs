namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// The options of <see cref="RegularizedEvolutionTuner"/> (regularised, or aging, evolution: Real et al., AAAI 2019).
/// </summary>
/// <remarks>
/// The defaults (population 10, sample 10) are for budgets of 50–200 trials. They were chosen by measurement on the
/// NAS-Bench-201 problems with seeds 101–160, which the README's reported runs (seeds 1–20) do not use: among
/// populations 10–100 and samples 3–25, a small population with strong selection found the best cells fastest on all
/// three data sets, and populations of 50 or more are still mostly random after 100 trials. Real et al. (2019) used
/// far larger populations (about 100) for runs of thousands of models; raise both for long runs, and lower the sample
/// for noisy losses, where always mutating the best of the population chases lucky evaluations.
/// </remarks>
public sealed class EvolutionOptions
{
    /// <summary>How many members the population keeps; the first this many proposals are random. At least 1.
    /// Default 10.</summary>
    public int PopulationSize { get; init; } = 10;

    /// <summary>How many members a tournament samples (without replacement); the best of them is the parent. At least
    /// 1; a sample of the whole population or more always picks the population's best. Default 10.</summary>
    public int SampleSize { get; init; } = 10;

    /// <summary>The standard deviation of a numeric mutation, in unit scale (log scale for log-scaled numbers). In
    /// (0, 1]. Default 0.2 (as in SMAC's local search).</summary>
    public double NumericStepSd { get; init; } = 0.2;

    /// <summary>How often a parent is mutated again when its child repeats an architecture already proposed, before a
    /// random point is tried instead. At least 1. Default 50.</summary>
    public int MaxMutationAttempts { get; init; } = 50;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it and the range.</exception>
    public void Validate()
    {
        if (PopulationSize < 1)
            throw new ArgumentOutOfRangeException(nameof(PopulationSize), PopulationSize, "PopulationSize must be at least 1.");
        if (SampleSize < 1)
            throw new ArgumentOutOfRangeException(nameof(SampleSize), SampleSize, "SampleSize must be at least 1.");
        if (!(NumericStepSd > 0 && NumericStepSd <= 1))
            throw new ArgumentOutOfRangeException(nameof(NumericStepSd), NumericStepSd, "NumericStepSd must lie in (0, 1].");
        if (MaxMutationAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxMutationAttempts), MaxMutationAttempts, "MaxMutationAttempts must be at least 1.");
    }
}
