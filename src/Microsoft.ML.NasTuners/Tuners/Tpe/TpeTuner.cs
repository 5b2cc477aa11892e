using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Tree-structured Parzen estimator (Bergstra et al. 2011; Bergstra, Yamins and Cox 2013), univariate or
/// multivariate (Falkner et al. 2018). After <see cref="TpeOptions.NStartupTrials"/> random proposals, the trials
/// are split into the best gamma(n) ("good") and the rest ("bad"); a Parzen estimator of each group gives densities
/// l(x) and g(x), and the proposal is the candidate drawn from l with the largest log l(x) - log g(x).
/// <para>Conditional spaces are handled as a tree: the parameters active under the same condition form a node, and a
/// node is modelled only from the trials in which it was active, split by their own ranking (so trials of branch A
/// never change the model of a branch B parameter). A proposal samples the root node first (branch selectors are
/// modelled like any categorical), then only the nodes its choices activate.</para>
/// <para>Pending trials (proposed, not yet updated) are provisional observations (the "constant liar", see
/// <see cref="TpeOptions.ConstantLiar"/> and <see cref="TpeOptions.LiarGoodShare"/>): each counts as good with the share
/// of finished trials that are good and as bad with the rest, so parallel workers neither pile onto one point nor are
/// pushed out of the region the model favours. Pending points never narrow the kernels of finished trials, and a
/// proposal does not repeat a pending trial's point (should the model keep drawing one, the point is drawn at random
/// instead). Failed, timed-out and pruned trials, and trials that succeeded with a NaN or infinite loss, are never
/// good: they are bad observations, steering proposals away from where trials break. Cancelled trials are
/// forgotten.</para>
/// <para>The same seed and the same sequence of calls give the same proposals. Budgets are ignored.</para>
/// </summary>
public sealed class TpeTuner : ITuner
{
    private readonly ModelView _view;
    private readonly TpeOptions _options;
    private readonly ParzenEstimatorOptions _univariateOptions;
    private readonly ParzenEstimatorOptions _multivariateOptions;
    private readonly TpeNode[] _nodes;
    private readonly Random _random;
    // Raw model-view values (NaN where inactive) of every trial, by id: the recency weights rely on that order.
    private readonly TunerHistory<double[]> _trials = new();
    private readonly object _gate = new();

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="options">The options; null means the defaults. The tuner keeps a copy.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public TpeTuner(SearchSpace searchSpace, TpeOptions? options = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        _options = (options ?? new TpeOptions()).Clone();
        _options.Validate();
        _view = searchSpace.ModelView;
        _univariateOptions = new ParzenEstimatorOptions
        {
            PriorWeight = _options.PriorWeight,
            ConsiderMagicClip = _options.ConsiderMagicClip,
            ConsiderEndpoints = _options.ConsiderEndpoints,
            Bandwidth = ParzenBandwidthRule.NeighbourGaps,
        };
        _multivariateOptions = _univariateOptions with { Bandwidth = _options.MultivariateBandwidth };
        _nodes = TpeNode.Build(_view);
        _random = new Random(seed);
    }

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate)
        {
            var fromModel = _trials.ById.Count >= _options.NStartupTrials;
            Parameter parameter;
            double[] encoded;
            var draws = 0;
            do
            {
                // The liar makes a pending point unlikely but, in a small discrete space the model has settled on, not
                // impossible: draw again, from the model a few times, then at random.
                var useModel = fromModel && draws < ModelDraws;
                parameter = _view.Decode(useModel ? SampleFromModel() : _view.Sample(_random));
                // The point as the trial will run it (snapped, single precision where the option is).
                encoded = _view.Encode(parameter);
            }
            while (++draws < MaxDraws && IsPendingPoint(encoded));
            _trials.Propose(settings.TrialId, encoded);
            return parameter;
        }
    }

    /// <summary>Records how a trial ended. A trial this tuner did not propose (for example one read back from a
    /// store) is learned from its <see cref="TrialSettings.Parameter"/>, which must belong to the search space.</summary>
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var settings = result.TrialSettings ?? throw new ArgumentException("The result has no trial settings.", nameof(result));
        lock (_gate)
            _trials.Tell(result, () => _view.Encode(settings.Parameter));
    }

    /// <summary>How many times a proposal is drawn from the model before, while the draws keep repeating pending
    /// points, it is drawn at random instead.</summary>
    private const int ModelDraws = 4;

    /// <summary>How many times a proposal is drawn in all before one equal to a pending trial's point is accepted (when
    /// the space has hardly any other point left to offer).</summary>
    private const int MaxDraws = 64;

    private bool IsPendingPoint(double[] values)
    {
        foreach (var trial in _trials.Pending)
        {
            // SequenceEqual compares with double.Equals, for which NaN (an inactive parameter) equals NaN.
            if (trial.Point.AsSpan().SequenceEqual(values)) return true;
        }
        return false;
    }

    /// <summary>Samples the tree top-down: each active node's parameters (each parameter on its own, or the node's
    /// together in multivariate mode) from their good density, choosing by log l - log g among candidates.</summary>
    private double[] SampleFromModel()
    {
        var values = new double[_view.Count];
        Array.Fill(values, double.NaN);
        foreach (var node in _nodes)
        {
            if (!node.IsActiveIn(_view, values)) continue;
            var split = Split(node);
            if (_options.Multivariate)
            {
                SampleDimensions(node.Dimensions, split, _multivariateOptions, values);
            }
            else
            {
                foreach (var dimension in node.Dimensions)
                    SampleDimensions([dimension], split, _univariateOptions, values);
            }
        }
        return values;
    }

    /// <summary>Draws candidates for some dimensions from l, keeps the best by log l - log g and writes it into values.</summary>
    private void SampleDimensions(int[] dimensions, TpeSplit split, ParzenEstimatorOptions options, double[] values)
    {
        var (good, bad) = Fit(dimensions, split, options);
        var d = dimensions.Length;
        var m = _options.NEiCandidates;
        var candidates = new double[m * d];
        for (var i = 0; i < m; i++)
            good.Sample(_random, candidates.AsSpan(i * d, d));
        var logGood = new double[m];
        var logBad = new double[m];
        good.LogDensities(candidates, logGood);
        bad.LogDensities(candidates, logBad);
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < m; i++)
        {
            var score = logGood[i] - logBad[i];
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }
        for (var j = 0; j < d; j++)
            values[dimensions[j]] = candidates[best * d + j];
    }

    private (ParzenEstimator Good, ParzenEstimator Bad) Fit(int[] dimensions, TpeSplit split, ParzenEstimatorOptions options)
    {
        var dims = new Dimension[dimensions.Length];
        for (var j = 0; j < dims.Length; j++)
            dims[j] = _view.Dimensions[dimensions[j]];
        return (ParzenEstimator.Fit(dims, Rows(split.Good, dimensions), split.GoodWeights, options, split.GoodPending),
            ParzenEstimator.Fit(dims, Rows(split.Bad, dimensions), split.BadWeights, options, split.BadPending));
    }

    private static double[] Rows(TunerTrial<double[]>[] trials, int[] dimensions)
    {
        var d = dimensions.Length;
        var rows = new double[trials.Length * d];
        for (var i = 0; i < trials.Length; i++)
        {
            var values = trials[i].Point;
            for (var j = 0; j < d; j++)
                rows[i * d + j] = values[dimensions[j]];
        }
        return rows;
    }

    /// <summary>Splits the trials in which a node was active: the best gamma(n) of the n complete ones are good; the
    /// other complete ones and the failed ones are bad. With the constant liar, each pending trial is a provisional
    /// observation in both groups, split by <see cref="PendingGoodShare"/>.</summary>
    private TpeSplit Split(TpeNode node)
    {
        var complete = new List<TunerTrial<double[]>>();
        var failed = new List<TunerTrial<double[]>>();
        var pending = new List<TunerTrial<double[]>>();
        foreach (var trial in _trials.ById)
        {
            if (!node.IsObservedIn(trial.Point)) continue;
            switch (trial.Use)
            {
                case TrialUse.Modelled: complete.Add(trial); break;
                case TrialUse.Bad: failed.Add(trial); break;
                default:
                    if (_options.ConstantLiar) pending.Add(trial);
                    break;
            }
        }
        var goodCount = Math.Clamp(_options.Gamma(complete.Count), 0, complete.Count);
        var ranked = complete.ToArray();
        // Ties in loss go to the older trial, so the split does not depend on the sort's stability.
        Array.Sort(ranked, static (a, b) => a.Loss != b.Loss ? a.Loss.CompareTo(b.Loss) : a.Id.CompareTo(b.Id));
        var good = ranked[..goodCount];
        var bad = ranked[goodCount..].Concat(failed).ToArray();
        var share = pending.Count == 0 ? 0 : PendingGoodShare(good.Length, bad.Length);
        var (goodTrials, goodWeights, goodPending) = Group(good, share > 0 ? pending : [], share);
        var (badTrials, badWeights, badPending) = Group(bad, share < 1 ? pending : [], 1 - share);
        return new TpeSplit(goodTrials, goodWeights, goodPending, badTrials, badWeights, badPending, share);
    }

    /// <summary>The share of a pending trial that counts as good: <see cref="TpeOptions.LiarGoodShare"/>, or by default
    /// the share of the finished trials that are good (what the model knows of a trial before its result). Zero while
    /// no finished trial is good.</summary>
    private double PendingGoodShare(int good, int bad) =>
        good == 0 ? 0 : _options.LiarGoodShare ?? (double)good / (good + bad);

    /// <summary>One group, oldest first, with its recency weights; the pending trials' weights scaled by their share.</summary>
    private (TunerTrial<double[]>[] Trials, double[] Weights, bool[] Pending) Group(TunerTrial<double[]>[] finished,
        List<TunerTrial<double[]>> pending, double pendingShare)
    {
        var trials = finished.Concat(pending).ToArray();
        Array.Sort(trials, static (a, b) => a.Id.CompareTo(b.Id));
        var weights = (double[])CheckedWeights(trials.Length).Clone();
        var flags = new bool[trials.Length];
        for (var i = 0; i < trials.Length; i++)
        {
            if (trials[i].Use != TrialUse.Pending) continue;
            flags[i] = true;
            weights[i] *= pendingShare;
        }
        return (trials, weights, flags);
    }

    private double[] CheckedWeights(int n)
    {
        var weights = _options.Weights(n);
        if (weights is null || weights.Length != n)
            throw new InvalidOperationException($"TpeOptions.Weights({n}) must return {n} weights; it returned {weights?.Length.ToString() ?? "null"}.");
        return weights;
    }

    // ---- hooks for tests and diagnostics ----

    /// <summary>The good/bad split of the node that holds dimension <paramref name="dimension"/>.</summary>
    internal TpeSplit SplitOf(int dimension)
    {
        lock (_gate) return Split(NodeOf(dimension));
    }

    /// <summary>The estimators l and g that the next proposal would use for dimension <paramref name="dimension"/>
    /// (over the dimension alone in univariate mode, over its node in multivariate mode).</summary>
    internal (ParzenEstimator Good, ParzenEstimator Bad) EstimatorsOf(int dimension)
    {
        lock (_gate)
        {
            var node = NodeOf(dimension);
            return _options.Multivariate
                ? Fit(node.Dimensions, Split(node), _multivariateOptions)
                : Fit([dimension], Split(node), _univariateOptions);
        }
    }

    private TpeNode NodeOf(int dimension) =>
        _nodes.FirstOrDefault(n => n.Dimensions.Contains(dimension))
        ?? throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"The model view has {_view.Count} dimensions.");
}
