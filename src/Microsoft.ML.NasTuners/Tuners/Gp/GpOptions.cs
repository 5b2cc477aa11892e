using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Options of <see cref="GpTuner"/>. The defaults suit a few dozen to a few hundred trials over a handful of
/// real-valued parameters.</summary>
public sealed class GpOptions
{
    /// <summary>How GP hyper-parameters are handled; default <see cref="Tuners.HyperparameterMode.SliceSampling"/>.</summary>
    public HyperparameterMode HyperparameterMode { get; set; } = HyperparameterMode.SliceSampling;

    /// <summary>The number of space-filling (Latin hypercube) trials before the GP takes over; null (default) means
    /// max(2d, 5) for d dimensions of the model view.</summary>
    public int? InitialTrials { get; set; }

    /// <summary>The number of hyper-parameter samples kept by slice sampling; default 10.</summary>
    public int HyperparameterSamples { get; set; } = 10;

    /// <summary>Slice-sampling sweeps discarded on the first fit; default 50.</summary>
    public int InitialBurnIn { get; set; } = 50;

    /// <summary>Slice-sampling sweeps discarded on later fits, which continue the previous chain; default 1.</summary>
    public int BurnIn { get; set; } = 1;

    /// <summary>Slice-sampling sweeps per kept sample; default 1.</summary>
    public int Thinning { get; set; } = 1;

    /// <summary>The most observations GP hyper-parameters are estimated from; default 200. Past it, they are estimated
    /// from the best half of that many and an even spread of the rest, and the model then conditions on every
    /// observation: estimation costs O(n³) per likelihood evaluation, so this bounds what a proposal costs as a run grows
    /// (see docs/tuners/gp-bo.md for the measured cost).</summary>
    public int MaxEstimationObservations { get; set; } = 200;

    /// <summary>Perturbed L-BFGS-B starts beside the previous estimate in <see cref="Tuners.HyperparameterMode.Map"/>
    /// mode; default 2.</summary>
    public int MapRestarts { get; set; } = 2;

    /// <summary>The prior of every length-scale, in unit-cube units; null (default) means LogNormal(median 0.5, σ 1).</summary>
    public IPrior? LengthScalePrior { get; set; }

    /// <summary>The smallest length-scale (unit-cube units); default 0.01.</summary>
    public double MinLengthScale { get; set; } = 0.01;

    /// <summary>The largest length-scale (unit-cube units); default 2. A dimension with length-scale 2 is nearly flat
    /// over the cube already; larger values let the GP ignore a dimension, which (with too few data) keeps the search
    /// out of whole regions.</summary>
    public double MaxLengthScale { get; set; } = 2;

    /// <summary>Warp numeric inputs by per-dimension Beta CDFs whose parameters are estimated with the other
    /// hyper-parameters (Snoek et al. 2014); default false.</summary>
    public bool InputWarping { get; set; }

    /// <summary>Warp losses by a Yeo–Johnson power transform fitted to them (λ ≤ 1, so only bad losses are compressed)
    /// before the GP sees them; default true. Objectives with heavy tails (a few huge losses, as Goldstein–Price's
    /// 3 to 10^6) otherwise force the stationary kernel to a short length-scale and a flat, uninformative posterior
    /// near the optimum; on symmetric losses the fitted λ is near 1, close to the identity.</summary>
    public bool OutputWarping { get; set; } = true;

    /// <summary>Maximise expected improvement per second: a second GP models the log of trial durations and the
    /// acquisition is divided by the predicted duration. Useful when trials differ much in cost; default false.</summary>
    public bool ExpectedImprovementPerSecond { get; set; }

    /// <summary>Fantasised outcomes of pending trials per hyper-parameter sample; default 1 with slice sampling (so the
    /// samples also average over fantasies), and in Map mode this many times <see cref="HyperparameterSamples"/>.</summary>
    public int FantasiesPerSample { get; set; } = 1;

    /// <summary>Scrambled Sobol candidates scored per proposal; default 512.</summary>
    public int RandomCandidates { get; set; } = 512;

    /// <summary>Perturbations of the best observed points scored per proposal; default 250.</summary>
    public int LocalCandidates { get; set; } = 250;

    /// <summary>The number of best observed points perturbed; default 5.</summary>
    public int Incumbents { get; set; } = 5;

    /// <summary>The best candidates polished by L-BFGS-B; default 5.</summary>
    public int RefinementStarts { get; set; } = 5;

    internal void Validate()
    {
        Check(InitialTrials is null or >= 1, nameof(InitialTrials), InitialTrials, "at least 1");
        Check(HyperparameterSamples >= 1, nameof(HyperparameterSamples), HyperparameterSamples, "at least 1");
        Check(InitialBurnIn >= 0, nameof(InitialBurnIn), InitialBurnIn, "at least 0");
        Check(BurnIn >= 0, nameof(BurnIn), BurnIn, "at least 0");
        Check(Thinning >= 1, nameof(Thinning), Thinning, "at least 1");
        Check(MaxEstimationObservations >= 2, nameof(MaxEstimationObservations), MaxEstimationObservations, "at least 2");
        Check(MapRestarts >= 0, nameof(MapRestarts), MapRestarts, "at least 0");
        Check(MinLengthScale > 0 && MinLengthScale < MaxLengthScale && double.IsFinite(MaxLengthScale), nameof(MinLengthScale),
            $"[{MinLengthScale}, {MaxLengthScale}]", "0 < MinLengthScale < MaxLengthScale < infinity");
        Check(FantasiesPerSample >= 1, nameof(FantasiesPerSample), FantasiesPerSample, "at least 1");
        Check(RandomCandidates >= 0, nameof(RandomCandidates), RandomCandidates, "at least 0");
        Check(LocalCandidates >= 0, nameof(LocalCandidates), LocalCandidates, "at least 0");
        Check(RandomCandidates + LocalCandidates >= 1, nameof(RandomCandidates), RandomCandidates + LocalCandidates, "RandomCandidates + LocalCandidates at least 1");
        Check(Incumbents >= 0, nameof(Incumbents), Incumbents, "at least 0");
        Check(RefinementStarts >= 0, nameof(RefinementStarts), RefinementStarts, "at least 0");
    }

    internal int InitialTrialsFor(int dimensionCount) => InitialTrials ?? Math.Max(2 * dimensionCount, 5);

    private static void Check(bool ok, string name, object? value, string allowed)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"GpOptions.{name} is {value}; allowed: {allowed}.");
    }
}
