using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>How <see cref="AutoMLTuners.Create{TTuner}(IServiceProvider, AutoMLTunerOptions)"/> builds the tuner.</summary>
/// <remarks>Defaults: <see cref="Kind"/> <see cref="TunerKind.Auto"/>, the experiment's seed, no custom tuner,
/// <see cref="MinSubSamplingRatio"/> <see cref="DefaultMinSubSamplingRatio"/> (1/27), no logging.</remarks>
public sealed class AutoMLTunerOptions
{
    /// <summary>The smallest training-set fraction a multi-fidelity tuner gives a trial when
    /// <see cref="MinSubSamplingRatio"/> is not set: 1/27, so that Hyperband and BOHB with η = 3 run four rungs
    /// (1/27, 1/9, 1/3 and the full set).</summary>
    public const double DefaultMinSubSamplingRatio = 1.0 / 27;

    /// <summary>The standard tuner to build; default <see cref="TunerKind.Auto"/>, which picks one by the translated space
    /// (and, with sub-sampling, its budgets). Ignored when <see cref="CreateTuner"/> is set.</summary>
    public TunerKind Kind { get; init; } = TunerKind.Auto;

    /// <summary>The seed; null takes AutoML's <c>AutoMLExperimentSettings.Seed</c>, else 0.</summary>
    public int? Seed { get; init; }

    /// <summary>Builds any tuner of ours (with options of its own) from the translated space and the seed, instead
    /// of <see cref="Kind"/>. A multi-fidelity tuner (<see cref="IMultiFidelityTuner"/>) built here reads its budgets
    /// as training-set fractions, so its <see cref="BudgetRange"/> must lie in (0, 1].</summary>
    public Func<SearchSpace, int, ITuner>? CreateTuner { get; init; }

    /// <summary>The smallest training-set fraction a multi-fidelity <see cref="Kind"/> gives a trial, in (0, 1].
    /// AutoML trains on at least 10 rows whatever the fraction.</summary>
    public double MinSubSamplingRatio { get; init; } = DefaultMinSubSamplingRatio;

    /// <summary>Where the bridge reports the errors it keeps from AutoML (a tuner that threw); null logs nothing.</summary>
    public ILogger? Logger { get; init; }

    internal void Validate()
    {
        if (!(MinSubSamplingRatio > 0 && MinSubSamplingRatio <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinSubSamplingRatio), MinSubSamplingRatio,
                string.Create(CultureInfo.InvariantCulture, $"MinSubSamplingRatio must lie in (0, 1], got {MinSubSamplingRatio}."));
        if (CreateTuner is null && !Enum.IsDefined(Kind))
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"Kind must be one of {string.Join(", ", Enum.GetNames<TunerKind>())}.");
    }
}
