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
/// <para>Pending trials (proposed, not yet updated) count as bad observations (the "constant liar", see
/// <see cref="TpeOptions.ConstantLiar"/>), so parallel workers do not pile onto one point. Failed, timed-out and
/// pruned trials, and trials that succeeded with a NaN or infinite loss, are never good: they are bad observations,
/// steering proposals away from where trials break. Cancelled trials are forgotten.</para>
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
    private readonly List<TpeTrial> _trials = [];
    private readonly Dictionary<int, TpeTrial> _byId = [];
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
            var values = _trials.Count < _options.NStartupTrials ? _view.Sample(_random) : SampleFromModel();
            var parameter = _view.Decode(values);
            // Remember the point as the trial will run it (snapped, single precision where the option is).
            Remember(new TpeTrial(settings.TrialId, _view.Encode(parameter)));
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
        {
            _byId.TryGetValue(settings.TrialId, out var trial);
            if (result.Status == TrialStatus.Cancelled)
            {
                // A cancelled trial says nothing about its point: forget it, and stop treating it as pending.
                if (trial is not null) Forget(trial);
                return;
            }
            if (trial is null)
            {
                trial = new TpeTrial(settings.TrialId, _view.Encode(settings.Parameter));
                Remember(trial);
            }
            trial.State = result.Status == TrialStatus.Running ? TpeTrialState.Pending
                : result.HasUsableLoss ? TpeTrialState.Complete
                : TpeTrialState.Failed;
            trial.Loss = result.Loss;
        }
    }

    private void Remember(TpeTrial trial)
    {
        if (_byId.Remove(trial.Id, out var old)) _trials.Remove(old);
        _byId[trial.Id] = trial;
        // Keep trials in id order (ids are given in order of proposal), which the recency weights rely on.
        var at = _trials.Count;
        while (at > 0 && _trials[at - 1].Id > trial.Id) at--;
        _trials.Insert(at, trial);
    }

    private void Forget(TpeTrial trial)
    {
        _byId.Remove(trial.Id);
        _trials.Remove(trial);
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
        return (ParzenEstimator.Fit(dims, Rows(split.Good, dimensions), split.GoodWeights, options),
            ParzenEstimator.Fit(dims, Rows(split.Bad, dimensions), split.BadWeights, options));
    }

    private static double[] Rows(TpeTrial[] trials, int[] dimensions)
    {
        var d = dimensions.Length;
        var rows = new double[trials.Length * d];
        for (var i = 0; i < trials.Length; i++)
        {
            var values = trials[i].Values;
            for (var j = 0; j < d; j++)
                rows[i * d + j] = values[dimensions[j]];
        }
        return rows;
    }

    /// <summary>Splits the trials in which a node was active: the best gamma(n) of the n complete ones are good; the
    /// other complete ones, the failed ones and (with the constant liar) the pending ones are bad.</summary>
    private TpeSplit Split(TpeNode node)
    {
        var complete = new List<TpeTrial>();
        var others = new List<TpeTrial>();
        foreach (var trial in _trials)
        {
            if (!node.IsObservedIn(trial.Values)) continue;
            if (trial.State == TpeTrialState.Complete) complete.Add(trial);
            else if (trial.State == TpeTrialState.Failed || _options.ConstantLiar) others.Add(trial);
        }
        var goodCount = Math.Clamp(_options.Gamma(complete.Count), 0, complete.Count);
        var ranked = complete.ToArray();
        // Ties in loss go to the older trial, so the split does not depend on the sort's stability.
        Array.Sort(ranked, static (a, b) => a.Loss != b.Loss ? a.Loss.CompareTo(b.Loss) : a.Id.CompareTo(b.Id));
        var good = ranked[..goodCount];
        var bad = new TpeTrial[ranked.Length - goodCount + others.Count];
        Array.Copy(ranked, goodCount, bad, 0, ranked.Length - goodCount);
        others.CopyTo(bad, ranked.Length - goodCount);
        Array.Sort(good, static (a, b) => a.Id.CompareTo(b.Id));
        Array.Sort(bad, static (a, b) => a.Id.CompareTo(b.Id));
        return new TpeSplit(good, CheckedWeights(good.Length), bad, CheckedWeights(bad.Length));
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
