using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Options of the <see cref="TpeTuner"/>. The defaults follow Bergstra et al. (2011, 2013) and Optuna's
/// sampler, and are what the benchmarks were run with.</summary>
public sealed class TpeOptions
{
    /// <summary>The number of trials proposed uniformly at random (<see cref="ModelView.Sample"/>) before the model
    /// takes over (default 10). Counts every trial the tuner knows, pending or finished, except cancelled ones.</summary>
    public int NStartupTrials { get; set; } = 10;

    /// <summary>The number of candidates drawn from the good density l(x) per proposal, of which the one with the
    /// largest log l(x) - log g(x) is kept (default 24). In univariate mode the candidates are drawn and chosen per
    /// parameter; in multivariate mode per group of parameters.</summary>
    public int NEiCandidates { get; set; } = 24;

    /// <summary>The number of good trials out of n trials with a usable loss (default <see cref="DefaultGamma"/>:
    /// min(ceil(0.1 n), 25)). Results are clamped to [0, n].</summary>
    public Func<int, int> Gamma { get; set; } = DefaultGamma;

    /// <summary>The weights of n observations of one group (good or bad), oldest first (default
    /// <see cref="DefaultWeights"/>: all 1 up to 25, beyond that the older ones ramp down linearly). Must return n
    /// non-negative, finite numbers.</summary>
    public Func<int, double[]> Weights { get; set; } = DefaultWeights;

    /// <summary>The weight of each estimator's prior component relative to an observation's (default 1.0; positive).
    /// See <see cref="ParzenEstimatorOptions.PriorWeight"/>.</summary>
    public double PriorWeight { get; set; } = 1.0;

    /// <summary>Clip bandwidths below at range / min(100, kernels + 1) (default true). See
    /// <see cref="ParzenEstimatorOptions.ConsiderMagicClip"/>.</summary>
    public bool ConsiderMagicClip { get; set; } = true;

    /// <summary>Let the range's ends count as neighbours when choosing bandwidths (default false). See
    /// <see cref="ParzenEstimatorOptions.ConsiderEndpoints"/>.</summary>
    public bool ConsiderEndpoints { get; set; }

    /// <summary>When true, model parameters jointly (default false): one density per group of parameters that are
    /// active together (all unconditional parameters form one group, the parameters of one conditional branch
    /// another), whose components are product kernels sharing each observation, so correlated parameters are
    /// modelled together. When false, every parameter has its own density (independent TPE).</summary>
    public bool Multivariate { get; set; }

    /// <summary>The bandwidth rule of the joint densities in <see cref="Multivariate"/> mode (default
    /// <see cref="ParzenBandwidthRule.NeighbourGaps"/>, applied per dimension). Univariate densities always use
    /// <see cref="ParzenBandwidthRule.NeighbourGaps"/>.</summary>
    public ParzenBandwidthRule MultivariateBandwidth { get; set; } = ParzenBandwidthRule.NeighbourGaps;

    /// <summary>When true (the default), trials proposed but not yet updated count as provisional observations (a
    /// "constant liar", split between the groups by <see cref="LiarGoodShare"/>), so that parallel workers are steered
    /// away from each other's pending points. When false, pending trials are ignored until they finish.</summary>
    public bool ConstantLiar { get; set; } = true;

    /// <summary>Under the <see cref="ConstantLiar"/>, the share of each pending trial that counts as a good observation;
    /// the rest of it counts as a bad one (both at the trial's recency weight). Default null: the share of the
    /// finished trials that are good, about gamma(n)/n, which is what the model knows of a trial before its result.
    /// 0 gives the pessimistic constant liar (every pending trial is bad), which with several workers pushes the
    /// workers out of the region the model favours, where a sequential run would sample next. While no finished trial
    /// is good, pending trials are bad whatever the share. Either way a pending point is a provisional observation: a
    /// kernel of its group's density, counted among the kernels by the magic clip (so while trials are pending, l may
    /// resolve finer detail), but nobody's neighbour under <see cref="ParzenBandwidthRule.NeighbourGaps"/>, so it never
    /// narrows the kernels of finished trials (which would feed the model's own draws back into its bandwidths). With
    /// 4 simulated workers on the project's benchmarks, the default share brought multivariate TPE's regret at 100
    /// trials from about 1.3 times the sequential run's to about the same (geometric mean over nine problems, 200
    /// seeds); with 0 it stayed at about 1.3.</summary>
    public double? LiarGoodShare { get; set; }

    /// <summary>min(ceil(0.1 n), 25): the best tenth of the trials, at most 25.</summary>
    public static int DefaultGamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <summary>Recency weights: n ones when n &lt;= 25; otherwise the newest 25 weigh 1 and the older n - 25 ramp
    /// linearly from 1/n (the oldest) up to 1, so that the model forgets the early, random exploration slowly.</summary>
    public static double[] DefaultWeights(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must not be negative.");
        var weights = new double[n];
        var ramp = n - 25;
        for (var i = 0; i < n; i++)
            weights[i] = i >= ramp ? 1.0 : ramp == 1 ? 1.0 / n : 1.0 / n + i * (1.0 - 1.0 / n) / (ramp - 1);
        return weights;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    private static readonly int[] ProbeCounts = [0, 1, 2, 3, 10, 25, 26, 100, 1000];

    public void Validate()
    {
        if (NStartupTrials < 0)
            throw new ArgumentOutOfRangeException(nameof(NStartupTrials), NStartupTrials, "NStartupTrials must be 0 or more.");
        if (NEiCandidates < 1)
            throw new ArgumentOutOfRangeException(nameof(NEiCandidates), NEiCandidates, "NEiCandidates must be 1 or more.");
        if (Gamma is null) throw new ArgumentOutOfRangeException(nameof(Gamma), "Gamma must not be null.");
        if (Weights is null) throw new ArgumentOutOfRangeException(nameof(Weights), "Weights must not be null.");
        // Both are functions of the trial count; probing a spread of counts finds a wrong one when the tuner is built
        // rather than at the trial where it first matters.
        foreach (var n in ProbeCounts)
        {
            var good = Gamma(n);
            if (good < 0 || good > n)
                throw new ArgumentOutOfRangeException(nameof(Gamma), good, $"Gamma({n}) must lie in [0, {n}] (how many of {n} trials are good); it returned {good}.");
            var weights = Weights(n);
            if (weights is null || weights.Length != n)
                throw new ArgumentOutOfRangeException(nameof(Weights), weights?.Length,
                    $"Weights({n}) must return {n} weights; it returned {weights?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}.");
            if (weights.Any(w => !(w >= 0) || !double.IsFinite(w)))
                throw new ArgumentOutOfRangeException(nameof(Weights), $"Weights({n}) must be finite and non-negative.");
        }
        if (!(PriorWeight > 0) || !double.IsFinite(PriorWeight))
            throw new ArgumentOutOfRangeException(nameof(PriorWeight), PriorWeight, "PriorWeight must be a positive, finite number.");
        if (LiarGoodShare is { } share && !(share >= 0 && share <= 1))
            throw new ArgumentOutOfRangeException(nameof(LiarGoodShare), share, "LiarGoodShare must be null or a number in [0, 1].");
        if (!Enum.IsDefined(MultivariateBandwidth))
            throw new ArgumentOutOfRangeException(nameof(MultivariateBandwidth), MultivariateBandwidth,
                $"MultivariateBandwidth must be one of {string.Join(", ", Enum.GetNames<ParzenBandwidthRule>())}.");
    }

    /// <summary>A copy, so that later changes by the caller do not reach a running tuner.</summary>
    internal TpeOptions Clone() => (TpeOptions)MemberwiseClone();
}
