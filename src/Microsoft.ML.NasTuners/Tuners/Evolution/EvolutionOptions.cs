namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// The options of <see cref="RegularizedEvolutionTuner"/> (regularised, or aging, evolution: Real et al., AAAI 2019).
/// </summary>
/// <remarks>
/// Defaults (population 20, sample 5) suit budgets of 50–200 trials on cell spaces such as NAS-Bench-201. Real et al.
/// used a population of 100 and a sample of 25 for 20,000 models; NAS-Bench-201's own baseline (Dong &amp; Yang 2020)
/// uses a population of 10 and a sample of 10 (tuned on CIFAR-10 validation). The defaults were chosen by
/// measurement on <c>nb201_cifar10</c> with seeds 101–120 (not the seeds reported in the README); see the README.
/// </remarks>
public sealed class EvolutionOptions
{
    /// <summary>How many members the population keeps; the first this many proposals are random. At least 1.
    /// Default 20.</summary>
    public int PopulationSize { get; init; } = 20;

    /// <summary>How many members a tournament samples (without replacement); the best of them is the parent. In
    /// [1, <see cref="PopulationSize"/>]. Default 5.</summary>
    public int SampleSize { get; init; } = 5;

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
        if (SampleSize < 1 || SampleSize > PopulationSize)
            throw new ArgumentOutOfRangeException(nameof(SampleSize), SampleSize, $"SampleSize must lie in [1, PopulationSize ({PopulationSize})].");
        if (!(NumericStepSd > 0 && NumericStepSd <= 1))
            throw new ArgumentOutOfRangeException(nameof(NumericStepSd), NumericStepSd, "NumericStepSd must lie in (0, 1].");
        if (MaxMutationAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxMutationAttempts), MaxMutationAttempts, "MaxMutationAttempts must be at least 1.");
    }
}
