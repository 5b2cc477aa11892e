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
    private BohbModel? _model;
    private int _modelVersion = -1;

    public BohbSampler(ModelView view, BohbOptions options, Random random)
    {
        _view = view;
        _options = options;
        _random = random;
        _minPoints = options.MinPointsInModel ?? view.Count + 1;
    }

    /// <summary>The model proposals come from, given <paramref name="trials"/>; null while no budget has enough
    /// observations. Refitted only when the trials changed.</summary>
    public BohbModel? ModelOf(TunerHistory<double[]> trials)
    {
        if (_modelVersion != trials.Version)
        {
            _model = FitModel(trials);
            _modelVersion = trials.Version;
        }
        return _model;
    }

    public double[] Sample(TunerHistory<double[]> trials)
    {
        // Drawn first, whatever follows, so the random stream does not depend on whether a model exists.
        var random = _random.NextDouble() < _options.RandomFraction;
        if (random || ModelOf(trials) is not { } model)
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

    // Per budget, from the largest, the ended trials in the order their results came (the order breaks ties between
    // equal losses); a failed trial counts as the worst loss, since it belongs in the bad density.
    private BohbModel? FitModel(TunerHistory<double[]> trials)
    {
        var byBudget = trials.Ended.Where(t => double.IsFinite(t.Budget))
            .GroupBy(t => t.Budget)
            .OrderByDescending(g => g.Key);
        foreach (var group in byBudget)
        {
            var budget = group.Key;
            var observations = group.Select(t => (t.Point, Loss: t.Use == TrialUse.Modelled ? t.Loss : double.PositiveInfinity)).ToList();
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
