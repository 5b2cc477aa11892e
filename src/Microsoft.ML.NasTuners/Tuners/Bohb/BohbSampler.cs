using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// BOHB's source of new configurations: a fraction at random, the rest maximising l(x)/g(x) over candidates drawn from
/// the widened good density l of the largest budget with enough observations.
/// </summary>
internal sealed class BohbSampler : IConfigurationSampler
{
    private readonly ModelView _view;
    private readonly BohbOptions _options;
    private readonly Random _random;
    private readonly int _minPoints;
    // Per budget, the observations in the order they came (the order breaks ties between equal losses).
    private readonly SortedDictionary<double, List<(double[] Point, double Loss)>> _observations = [];
    private BohbModel? _model;
    private bool _modelIsCurrent;

    public BohbSampler(ModelView view, BohbOptions options, Random random)
    {
        _view = view;
        _options = options;
        _random = random;
        _minPoints = options.MinPointsInModel ?? view.Count + 1;
    }

    /// <summary>The model proposals come from now; null while no budget has enough observations.</summary>
    public BohbModel? Model
    {
        get
        {
            if (!_modelIsCurrent)
            {
                _model = FitModel();
                _modelIsCurrent = true;
            }
            return _model;
        }
    }

    public double[] Sample()
    {
        // Drawn first, whatever follows, so the random stream does not depend on whether a model exists.
        var random = _random.NextDouble() < _options.RandomFraction;
        if (random || Model is not { } model)
            return _view.Sample(_random);
        double[]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < _options.CandidateCount; k++)
        {
            var candidate = model.Good.Sample(_random, _options.BandwidthFactor);
            var score = model.Good.LogDensity(candidate) - model.Bad.LogDensity(candidate);
            if (score > bestScore || (best is null && !double.IsNaN(score)))
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best ?? _view.Sample(_random);
    }

    public void Observe(double[] point, double budget, double loss)
    {
        if (!_observations.TryGetValue(budget, out var list))
            _observations[budget] = list = [];
        // A failed trial counts as the worst loss: it belongs in the bad density.
        list.Add((point, double.IsNaN(loss) ? double.PositiveInfinity : loss));
        _modelIsCurrent = false;
    }

    private BohbModel? FitModel()
    {
        foreach (var (budget, observations) in _observations.Reverse())
        {
            var n = observations.Count;
            var good = Math.Max(_minPoints, (int)Math.Floor(_options.TopFraction * n));
            if (n - good < _minPoints || observations.Count(o => double.IsFinite(o.Loss)) < good)
                continue;
            var sorted = observations.Select((o, i) => (o.Point, o.Loss, Order: i)).OrderBy(o => o.Loss).ThenBy(o => o.Order).ToArray();
            return new BohbModel(budget,
                ProductKernelDensity.Fit(_view, sorted.Take(good).Select(o => (IReadOnlyList<double>)o.Point).ToArray(), _options.MinBandwidth),
                ProductKernelDensity.Fit(_view, sorted.Skip(good).Select(o => (IReadOnlyList<double>)o.Point).ToArray(), _options.MinBandwidth));
        }
        return null;
    }
}
