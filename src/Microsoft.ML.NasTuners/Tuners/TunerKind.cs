namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// The standard tuners that need nothing but a search space and a seed (and, for the multi-fidelity ones, a budget
/// range), so that code outside the experiment (the AutoML bridge, a configuration file) can name one.
/// <see cref="StandardTuners.Create"/> builds them. Tuners that read an architecture encoding are not kinds: they need
/// more than a space.
/// </summary>
/// <remarks>New kinds are appended, so a stored number keeps its meaning.</remarks>
public enum TunerKind
{
    /// <summary><see cref="RandomSearchTuner"/>: independent uniform features.</summary>
    Random,
    /// <summary><see cref="SobolTuner"/>: a scrambled Sobol sequence.</summary>
    Sobol,
    /// <summary><see cref="SmacTuner"/> with default <see cref="SmacOptions"/>.</summary>
    Smac,
    /// <summary><see cref="TpeTuner"/>, one density per parameter.</summary>
    Tpe,
    /// <summary><see cref="TpeTuner"/> with <see cref="TpeOptions.Multivariate"/>: one joint density per group of
    /// parameters active together.</summary>
    TpeMultivariate,
    /// <summary><see cref="GpTuner"/> with slice-sampled hyper-parameters (default <see cref="GpOptions"/>).</summary>
    Gp,
    /// <summary><see cref="GpTuner"/> with MAP hyper-parameters.</summary>
    GpMap,
    /// <summary><see cref="RegularizedEvolutionTuner"/> with default <see cref="EvolutionOptions"/>.</summary>
    Evolution,
    /// <summary><see cref="HyperbandTuner"/> (synchronous brackets); multi-fidelity.</summary>
    Hyperband,
    /// <summary><see cref="HyperbandTuner"/> with <see cref="HyperbandOptions.Asynchronous"/> (ASHA); multi-fidelity.</summary>
    Asha,
    /// <summary><see cref="BohbTuner"/>; multi-fidelity.</summary>
    Bohb,
    /// <summary><see cref="AutoTuner"/>: chooses among the others by the space (and, with a budget range, runs BOHB when
    /// the space does not suit GP-BO); see docs/tuners/auto.md.</summary>
    Auto,
}
