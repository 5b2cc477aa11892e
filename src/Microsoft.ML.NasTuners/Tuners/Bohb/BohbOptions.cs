using System.Globalization;
using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// The options of BOHB (Falkner, Klein and Hutter, ICML 2018): Hyperband's schedule (the inherited options) and the
/// model that proposes its new configurations.
/// </summary>
/// <remarks>
/// Defaults, those of the paper: budgets 1 to 81 with η = 3, <see cref="TopFraction"/> 0.15,
/// <see cref="RandomFraction"/> 1/3, <see cref="CandidateCount"/> 64, <see cref="BandwidthFactor"/> 3,
/// <see cref="MinBandwidth"/> 1e-3, <see cref="MinPointsInModel"/> d + 1 (d = the dimensions of the model view).
/// </remarks>
public sealed class BohbOptions : HyperbandOptions
{
    /// <summary>The fraction of a budget's observations, the best, that the good density l(x) models; the rest make
    /// the bad density g(x). In (0, 1). Default 0.15.</summary>
    public double TopFraction { get; init; } = 0.15;

    /// <summary>The fraction of new configurations drawn uniformly at random rather than from the model, which keeps
    /// the search global. In [0, 1]. Default 1/3.</summary>
    public double RandomFraction { get; init; } = 1.0 / 3;

    /// <summary>The number of candidates drawn from the widened good density per proposal; the one with the largest
    /// l(x)/g(x) is proposed. At least 1. Default 64.</summary>
    public int CandidateCount { get; init; } = 64;

    /// <summary>The factor that widens the good density's bandwidths when drawing candidates. Greater than 0. Default 3.</summary>
    public double BandwidthFactor { get; init; } = 3;

    /// <summary>The smallest kernel bandwidth. In (0, 1]. Default <see cref="ProductKernelDensity.DefaultMinBandwidth"/> (1e-3).</summary>
    public double MinBandwidth { get; init; } = ProductKernelDensity.DefaultMinBandwidth;

    /// <summary>The fewest observations each density needs: a budget gives a model only when its good and bad sets
    /// both have this many. At least 1; null for d + 1. Default null.</summary>
    public int? MinPointsInModel { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (!(TopFraction > 0 && TopFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(TopFraction), TopFraction, "TopFraction must lie in (0, 1).");
        if (!(RandomFraction >= 0 && RandomFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(RandomFraction), RandomFraction, "RandomFraction must lie in [0, 1].");
        if (CandidateCount < 1)
            throw new ArgumentOutOfRangeException(nameof(CandidateCount), CandidateCount, "CandidateCount must be at least 1.");
        if (!(BandwidthFactor > 0 && double.IsFinite(BandwidthFactor)))
            throw new ArgumentOutOfRangeException(nameof(BandwidthFactor), BandwidthFactor, "BandwidthFactor must be a finite number greater than 0.");
        if (!(MinBandwidth > 0 && MinBandwidth <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinBandwidth), MinBandwidth, "MinBandwidth must lie in (0, 1].");
        if (MinPointsInModel is < 1)
            throw new ArgumentOutOfRangeException(nameof(MinPointsInModel), MinPointsInModel,
                string.Create(CultureInfo.InvariantCulture, $"MinPointsInModel must be at least 1 (or null for d + 1)."));
    }
}
