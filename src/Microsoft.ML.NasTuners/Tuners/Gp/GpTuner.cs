using Microsoft.ML.NasTuners.Acquisition.Gp;
using Microsoft.ML.NasTuners.Surrogates.Gp;
using Microsoft.ML.NasTuners.Tuners.Gp;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Bayesian optimisation with a Gaussian process in the manner of Spearmint (Snoek, Larochelle &amp; Adams 2012):
/// a Matérn-5/2 kernel with one length-scale per input column, GP hyper-parameters integrated out by slice sampling
/// (or fixed at their MAP value), expected improvement averaged over the samples (optionally per second of trial
/// time), and fantasised outcomes for trials still running.
/// </summary>
/// <remarks>
/// <para>The GP sees the model view through <see cref="ModelViewEncoding"/>: numeric dimensions in [0,1] (log-scaled
/// ones in log space), categoricals one-hot up to <see cref="ModelViewEncoding.OneHotLimit"/> choices and as one choice
/// column compared for equality past it. Integers and categoricals are rounded inside the kernel's input transform
/// (Garrido-Merchán &amp; Hernández-Lobato 2020), so the acquisition is flat between valid values. Conditional
/// parameters work (inactive ones take a fixed value) but are the GP's weak spot: for spaces with many branches
/// prefer SMAC or TPE.</para>
/// <para>The first <see cref="GpOptions.InitialTrials"/> proposals come from a maximin Latin hypercube. Failed trials,
/// and trials without a finite loss, are kept out of the GP and never proposed again, nor is any point already
/// observed or pending. When the acquisition's best point nearly duplicates an observation (EI stuck on its own data,
/// typically at a boundary), a random point is proposed instead. The same seed gives the same proposals for the same
/// results.</para>
/// </remarks>
public sealed class GpTuner : ITuner
{
    // Canonical points closer than this in every column count as the same point.
    private const double SamePointTolerance = 1e-9;

    // When the acquisition's best point lies this close (in every column) to an observation, the model has nothing
    // left to learn there: EI is stuck on its own data (typically at a boundary with over-confident hyper-parameters),
    // so a random point is proposed instead. Far below the resolution a regret of 1e-6 needs on the usual problems.
    private const double NearDuplicateTolerance = 1e-5;

    // The candidate set is ranked by EI averaged over this many of the models (spread over the samples) before the
    // shortlist is scored by all of them: scoring hundreds of candidates under every sample dominated proposal time.
    private const int ScreeningModels = 3;

    private readonly ModelView _view;
    private readonly ModelViewEncoding _encoding;
    private readonly GpOptions _options;
    private readonly Random _random;
    // Read by the model's and the optimiser's inner loops for the length of a proposal.
    private readonly ProposalCancellation _cancellation = new();
    private readonly double[][] _initialDesign;
    private readonly IHyperparameterEstimator _estimator;
    private readonly MapEstimator _costEstimator = new(restarts: 1);
    private readonly AcquisitionOptimizer _optimizer;
    private readonly YeoJohnsonOutputWarping _outputWarping = new();
    // Points in the GP's encoding; the modelled ones are the GP's data, in the order their results arrived.
    private readonly TunerHistory<double[]> _trials = new();
    private GaussianProcess<double[]>? _gp;
    private GaussianProcess<double[]>? _costGp;
    private int _nextInitial;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="options">The options; defaults when null.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public GpTuner(SearchSpace searchSpace, GpOptions? options = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        _view = searchSpace.ModelView;
        _encoding = new ModelViewEncoding(_view);
        _options = options ?? new GpOptions();
        _options.Validate();
        _random = new Random(seed);
        _initialDesign = InitialDesign(_options.InitialTrialsFor(_view.Count));
        _estimator = _options.HyperparameterMode == HyperparameterMode.SliceSampling
            ? new SliceSamplingEstimator(_options.HyperparameterSamples, _options.Thinning, _options.InitialBurnIn, _options.BurnIn)
            : new MapEstimator(_options.MapRestarts);
        _optimizer = new AcquisitionOptimizer(_options.RandomCandidates, _options.LocalCandidates, _options.RefinementStarts,
            choiceColumns: _encoding.ChoiceColumns);
    }

    /// <summary>The encoding of the search space the GP works in.</summary>
    public ModelViewEncoding Encoding => _encoding;

    /// <summary>The GP of the loss at the hyper-parameters last estimated (the last sample when slice sampling);
    /// null until the GP has been fitted. For inspection (length-scales, predictions); do not change it.</summary>
    public GaussianProcess<double[]>? Model => _gp;

    /// <summary>The number of finished trials the GP learns from.</summary>
    public int ObservationCount => _trials.Modelled.Count;

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings) => Propose(settings, CancellationToken.None);

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _cancellation.During(cancellationToken, () => ProposeOnce(settings));
    }

    private Parameter ProposeOnce(TrialSettings settings)
    {
        double[]? x = null;
        // A space without dimensions has one parameter to offer, and no model to fit.
        if (_view.Count == 0)
        {
            _trials.Propose(settings.TrialId, []);
            return _view.Decode([]);
        }
        // Results the tuner did not propose (enqueued, or from a warm start) count towards the design: once the GP holds
        // as many observations as the design has points, it has what the design was for.
        if (_nextInitial < _initialDesign.Length && _trials.Modelled.Count < _initialDesign.Length)
        {
            x = _initialDesign[_nextInitial++];
            if (!IsAllowed(x)) x = null;
        }
        else if (_trials.Modelled.Count >= 2)
        {
            x = ProposeFromModel();
        }
        x ??= RandomAllowedPoint();
        _trials.Propose(settings.TrialId, x);
        return _view.Decode(_encoding.Decode(x));
    }

    /// <inheritdoc />
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _trials.Tell(result, () => _encoding.Encode(_view.Encode(result.TrialSettings.Parameter)));
    }

    private double[]? ProposeFromModel()
    {
        try
        {
            _gp ??= new GaussianProcess<double[]>(CreateKernel());
            var (x, y) = Observations();
            _gp.Fit(x, ModelledLosses(y));
            var thetas = Estimate(_estimator, _gp, y);
            var models = new List<GaussianProcess<double[]>>();
            var pending = _trials.Pending.Select(t => t.Point).ToList();
            var fantasies = _options.HyperparameterMode == HyperparameterMode.Map
                ? _options.FantasiesPerSample * _options.HyperparameterSamples
                : _options.FantasiesPerSample;
            foreach (var theta in thetas)
            {
                var model = _gp.Clone();
                model.SetTheta(theta);
                if (pending.Count == 0)
                {
                    models.Add(model);
                    continue;
                }
                for (var f = 0; f < fantasies; f++)
                {
                    _cancellation.Token.ThrowIfCancellationRequested();
                    models.Add(model.Condition(pending, model.SampleObservations(pending, _random)));
                }
            }
            var costModels = CostModels();
            IDifferentiableAcquisition acquisition = new CancellableAcquisition(new IntegratedExpectedImprovement(models, costModels), _cancellation.Token);
            IDifferentiableAcquisition? screening = models.Count > ScreeningModels
                ? new CancellableAcquisition(new IntegratedExpectedImprovement(
                    Enumerable.Range(0, ScreeningModels).Select(i => models[i * models.Count / ScreeningModels]).ToList(), costModels), _cancellation.Token)
                : null;
            var incumbents = Enumerable.Range(0, y.Count).OrderBy(i => y[i]).Take(_options.Incumbents).Select(i => x[i]).ToList();
            var best = _optimizer.Maximize(acquisition, incumbents, _random, x => _encoding.Canonicalize(x), IsAllowed, screening);
            return best is not null && x.Any(o => Same(o, best, NearDuplicateTolerance)) ? null : best;
        }
        catch (InvalidOperationException)
        {
            // The GP could not be fitted (degenerate data); a random point keeps the run going.
            return null;
        }
    }

    // Hyper-parameters estimated on at most MaxEstimationObservations of the GP's observations (EstimationSubset),
    // left on the GP as the estimator leaves them (the last sample, or the MAP value).
    private IReadOnlyList<double[]> Estimate(IHyperparameterEstimator estimator, GaussianProcess<double[]> gp, IReadOnlyList<double> losses)
    {
        if (gp.Count <= _options.MaxEstimationObservations) return estimator.Estimate(gp, _random, _cancellation.Token);
        var subset = gp.Subset(EstimationSubset.Choose(losses, _options.MaxEstimationObservations));
        var thetas = estimator.Estimate(subset, _random, _cancellation.Token);
        gp.SetTheta(subset.GetTheta());
        return thetas;
    }

    // Losses as the GP sees them: warped when OutputWarping is on. The warping is increasing, so the incumbent the
    // expected improvement measures against is still the best trial.
    private (List<double[]> X, List<double> Y) Observations() =>
        (_trials.Modelled.Select(t => t.Point).ToList(), _trials.Modelled.Select(t => t.Loss).ToList());

    private IReadOnlyList<double> ModelledLosses(List<double> y)
    {
        if (!_options.OutputWarping) return y;
        _outputWarping.Fit(y);
        return y.Select(_outputWarping.Transform).ToList();
    }

    private IReadOnlyList<GaussianProcess<double[]>>? CostModels()
    {
        if (!_options.ExpectedImprovementPerSecond) return null;
        // The durations of modelled trials that took measurable time.
        var timed = _trials.Modelled.Where(t => double.IsFinite(t.DurationMs) && t.DurationMs > 0).ToList();
        if (timed.Count < 2) return null;
        _costGp ??= new GaussianProcess<double[]>(CreateKernel());
        var logDurations = timed.Select(t => Math.Log(t.DurationMs)).ToList();
        _costGp.Fit(timed.Select(t => t.Point).ToList(), logDurations);
        Estimate(_costEstimator, _costGp, logDurations);
        return [_costGp.Clone()];
    }

    private IDifferentiableKernel CreateKernel()
    {
        var d = _encoding.Dimension;
        var transforms = new List<IInputTransform>();
        // In a purely continuous space rounding is the identity; skipping it saves work on every kernel evaluation.
        if (!_encoding.IsContinuous) transforms.Add(new RoundingTransform(_encoding));
        if (_options.InputWarping)
        {
            var numeric = Enumerable.Range(0, d).Where(_encoding.IsNumericColumn).ToList();
            if (numeric.Count > 0) transforms.Add(new BetaCdfWarping(d, numeric));
        }
        var inner = new Matern52Ard(d, _options.LengthScalePrior, _options.MinLengthScale, _options.MaxLengthScale, _encoding.ChoiceColumns);
        return transforms.Count switch
        {
            0 => inner,
            1 => new TransformedKernel(transforms[0], inner),
            _ => new TransformedKernel(new ChainedInputTransform(transforms.ToArray()), inner),
        };
    }

    private double[][] InitialDesign(int count)
    {
        var units = LatinHypercube.Sample(count, _view.Count, _random);
        return units.Select(u =>
        {
            var values = new double[_view.Count];
            for (var i = 0; i < _view.Count; i++)
            {
                var d = _view.Dimensions[i];
                values[i] = !_view.IsActive(i, values) ? double.NaN
                    : d.Kind == DimensionKind.Categorical ? Math.Min((int)(u[i] * d.ChoiceCount), d.ChoiceCount - 1)
                    : d.FromUnit(u[i]);
            }
            return _encoding.Encode(values);
        }).ToArray();
    }

    private double[] RandomAllowedPoint()
    {
        double[] x = _encoding.Encode(_view.Sample(_random));
        // In a small discrete space every point may be taken; after a while a repeat is better than no proposal.
        for (var attempt = 0; attempt < 100 && !IsAllowed(x); attempt++) x = _encoding.Encode(_view.Sample(_random));
        return x;
    }

    private bool IsAllowed(double[] x) =>
        !_trials.Blocking.Any(o => Same(o, x));

    private static bool Same(double[] a, double[] b, double tolerance = SamePointTolerance)
    {
        for (var c = 0; c < a.Length; c++)
        {
            if (Math.Abs(a[c] - b[c]) > tolerance) return false;
        }
        return true;
    }
}
