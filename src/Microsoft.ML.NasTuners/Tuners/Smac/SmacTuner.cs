using Microsoft.ML.NasTuners.Acquisition;
using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// SMAC (Hutter, Hoos and Leyton-Brown, LION 2011): sequential model-based optimisation with a random forest, for
/// large, conditional and mixed-type spaces.
/// <list type="bullet">
/// <item>The space is seen through its <see cref="ModelView"/>: categoricals are split by subsets of choices, and
/// inactive conditional parameters are imputed outside their range so a tree separates the branches
/// (<see cref="ForestFeatureEncoder"/>).</item>
/// <item>After a random initial design (<see cref="SmacOptions.InitialTrials"/>), the forest is refitted on every
/// proposal on the transformed losses (<see cref="SmacOptions.LossTransform"/>), and the expected improvement (SMAC's
/// log EI for <see cref="SmacLossTransform.Log"/>) is maximised by one-exchange local search from the best trials and
/// from the best of many random candidates.</item>
/// <item>With probability <see cref="SmacOptions.RandomProposalProbability"/> a proposal is random instead.</item>
/// <item>Trials without a usable loss (<see cref="TrialResult.HasUsableLoss"/>) never enter the forest (no made-up
/// "huge" loss distorts it) and, like pending trials, are never proposed again.</item>
/// <item>Pending trials (proposed, not yet updated) enter the forest with its own predicted mean as their loss
/// (a "constant liar"), so that parallel workers get different proposals.</item>
/// </list>
/// The same seed and the same history of proposals and updates give the same proposals. Budgets are ignored.
/// </summary>
public sealed class SmacTuner : ITuner
{
    // Tries to draw a random point that was not proposed before, before giving up on a small exhausted space.
    private const int MaxRandomRedraws = 100;

    // Random candidates kept, beyond the local-search starts, as fallbacks when the best points were proposed before.
    private const int CandidatesKept = 100;

    private readonly ModelView _view;
    private readonly ForestFeatureEncoder _encoder;
    private readonly UnitScales _scales;
    private readonly RandomForest _forest;
    private readonly OneExchangeLocalSearch _localSearch;
    private readonly Random _random;
    // Read by the model's and the optimiser's inner loops for the length of a proposal.
    private readonly ProposalCancellation _cancellation = new();
    private readonly int _initialTrials;

    // Canonical raw values of every trial; none is proposed again. The modelled ones, in the order their results
    // arrived, are the forest's data, and the pending ones (by id) enter it at its own prediction.
    private readonly TunerHistory<double[]> _trials = new(RawPointComparer.Instance);

    // Scratch of the acquisition.
    private double[] _featureBuffer = [];
    private double[] _candidateBuffer = [];
    private double[] _meanBuffer = [];
    private double[] _varianceBuffer = [];

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="options">The options; null for the defaults of <see cref="SmacOptions"/>.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public SmacTuner(SearchSpace searchSpace, SmacOptions? options = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        Options = options ?? new SmacOptions();
        Options.Validate();
        _view = searchSpace.ModelView;
        _encoder = new ForestFeatureEncoder(_view);
        _scales = new UnitScales(_view);
        _forest = new RandomForest(_encoder.CategoryCounts, Options.Forest);
        _localSearch = new OneExchangeLocalSearch(
            new OneExchangeNeighbourhood(_view, Options.NumericNeighbours, Options.NumericStepSd),
            Options.LocalSearchMaxSteps, Options.LocalSearchPlateauSteps);
        _random = new Random(seed);
        _initialTrials = Options.InitialTrialsFor(_view.Count);
    }

    /// <summary>The options.</summary>
    public SmacOptions Options { get; }

    /// <summary>The losses the forest learns from (succeeded trials only), for tests.</summary>
    internal IReadOnlyList<double> ObservedLosses => _trials.Modelled.Select(t => t.Loss).ToList();

    /// <summary>The number of pending trials, for tests.</summary>
    internal int PendingCount => _trials.PendingCount;

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
        // A space without dimensions has one parameter to offer, and no model to fit.
        if (_view.Count == 0)
        {
            _trials.Propose(settings.TrialId, []);
            return _view.Decode([]);
        }
        var known = _trials.ById.Count;
        double[]? point = null;
        if (_trials.Modelled.Count >= 2 && known >= _initialTrials && _random.NextDouble() >= Options.RandomProposalProbability)
            point = ProposeFromModel();
        point ??= ProposeAtRandom();
        // Proposing again for a pending trial id replaces that trial's point.
        _trials.Propose(settings.TrialId, point);
        return _view.Decode(point);
    }

    /// <inheritdoc />
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _trials.Tell(result, () => Canonical(result.TrialSettings.Parameter));
    }

    /// <summary>The raw values of a parameter as <see cref="Propose(TrialSettings)"/> would write and read them back, or null when
    /// the parameter does not belong to the space.</summary>
    private double[]? Canonical(Parameter parameter)
    {
        try
        {
            return _view.Encode(_view.Decode(_view.Encode(parameter)));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private double[] CanonicalOf(double[] point) => _view.Encode(_view.Decode(point));

    private bool IsTaken(double[] canonical) => _trials.IsTaken(canonical);

    private double[] Sample()
    {
        var point = new double[_view.Count];
        _scales.Sample(_random, point);
        return point;
    }

    private double[] ProposeAtRandom()
    {
        var point = CanonicalOf(Sample());
        for (var attempt = 1; attempt < MaxRandomRedraws && IsTaken(point); attempt++)
            point = CanonicalOf(Sample());
        return point;
    }

    /// <summary>Fits the forest and returns the untaken point of highest acquisition, or null when every point
    /// the search found was taken.</summary>
    private double[]? ProposeFromModel()
    {
        var modelled = _trials.Modelled;
        var targets = SmacLossTransforms.Apply(Options.LossTransform, modelled.Select(t => t.Loss).ToList());
        var best = double.PositiveInfinity;
        foreach (var y in targets) best = Math.Min(best, y);
        FitForest(modelled, targets);
        _cancellation.Token.ThrowIfCancellationRequested();
        var sdFloor = SdFloor(targets);
        var logTransformed = Options.LossTransform == SmacLossTransform.Log;
        void ScorePredictions(Span<double> scores)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                var sd = Math.Max(Math.Sqrt(_varianceBuffer[i]), sdFloor);
                scores[i] = logTransformed
                    ? LogTransformedExpectedImprovement.Log(_meanBuffer[i], sd, best)
                    : ExpectedImprovement.Log(_meanBuffer[i], sd, best);
            }
        }
        void Acquisition(IReadOnlyList<double[]> points, Span<double> scores)
        {
            _cancellation.Token.ThrowIfCancellationRequested();
            Predict(points);
            ScorePredictions(scores);
        }

        // Random candidates live in one flat buffer; only the best few become arrays.
        var d = _view.Count;
        var n = Options.RandomCandidates;
        if (_candidateBuffer.Length < n * d) _candidateBuffer = new double[n * d];
        for (var i = 0; i < n; i++) _scales.Sample(_random, _candidateBuffer.AsSpan(i * d, d));
        EnsurePredictionBuffers(n);
        for (var i = 0; i < n; i++) _encoder.Encode(_candidateBuffer.AsSpan(i * d, d), _featureBuffer.AsSpan(i * d, d));
        _forest.Predict(_featureBuffer.AsSpan(0, n * d), n, _meanBuffer, _varianceBuffer);
        var candidateScores = new double[n];
        ScorePredictions(candidateScores);
        var byScore = RankDescending(candidateScores);
        var kept = Math.Min(n, Options.LocalSearchStartsFromRandom + CandidatesKept);
        var candidates = new double[kept][];
        for (var k = 0; k < kept; k++) candidates[k] = _candidateBuffer.AsSpan(byScore[k] * d, d).ToArray();

        var starts = new List<double[]>(Options.LocalSearchStartsFromBest + Options.LocalSearchStartsFromRandom);
        var byLoss = new int[modelled.Count];
        for (var i = 0; i < byLoss.Length; i++) byLoss[i] = i;
        var lossKeys = modelled.Select(t => t.Loss).ToArray();
        Array.Sort(lossKeys, byLoss);
        for (var i = 0; i < Math.Min(Options.LocalSearchStartsFromBest, byLoss.Length); i++) starts.Add(modelled[byLoss[i]].Point);
        for (var k = 0; k < Math.Min(Options.LocalSearchStartsFromRandom, kept); k++) starts.Add(candidates[k]);
        var searched = _localSearch.Maximize(starts, Acquisition, _random);

        // The best point found, walkers and kept random candidates alike, that was not proposed before.
        var pool = new List<ScoredPoint>(searched.Count + kept);
        pool.AddRange(searched);
        for (var k = 0; k < kept; k++) pool.Add(new ScoredPoint(candidates[k], candidateScores[byScore[k]]));
        var poolScores = new double[pool.Count];
        for (var i = 0; i < pool.Count; i++) poolScores[i] = pool[i].Score;
        foreach (var i in RankDescending(poolScores))
        {
            var canonical = CanonicalOf(pool[i].Point);
            if (!IsTaken(canonical)) return canonical;
        }
        return null;
    }

    /// <summary>Fits the forest to the succeeded trials and, when trials are pending, refits it with each pending
    /// point labelled by the first fit's predicted mean.</summary>
    private void FitForest(IReadOnlyList<TunerTrial<double[]>> modelled, double[] targets)
    {
        var observedFeatures = modelled.Select(t => _encoder.Encode(t.Point)).ToList();
        _forest.Fit(observedFeatures, targets, _random);
        if (_trials.PendingCount == 0) return;
        var pending = _trials.PendingById.Select(t => t.Point).ToList();
        Predict(pending);
        var features = new List<double[]>(observedFeatures);
        var labels = new List<double>(targets);
        for (var i = 0; i < pending.Count; i++)
        {
            features.Add(_encoder.Encode(pending[i]));
            labels.Add(_meanBuffer[i]);
        }
        _forest.Fit(features, labels, _random);
    }

    /// <summary>A floor on the predicted standard deviation: where all trees agree exactly, EI would be 0 (log EI
    /// negative infinity) for every point no better than the best, and the search could not rank them.</summary>
    private static double SdFloor(double[] targets)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var y in targets)
        {
            min = Math.Min(min, y);
            max = Math.Max(max, y);
        }
        return Math.Max(1e-6 * (max - min), 1e-12);
    }

    /// <summary>Predicts points into <see cref="_meanBuffer"/> and <see cref="_varianceBuffer"/>.</summary>
    private void Predict(IReadOnlyList<double[]> points)
    {
        var d = _encoder.FeatureCount;
        var n = points.Count;
        EnsurePredictionBuffers(n);
        for (var i = 0; i < n; i++) _encoder.Encode(points[i], _featureBuffer.AsSpan(i * d, d));
        _forest.Predict(_featureBuffer.AsSpan(0, n * d), n, _meanBuffer, _varianceBuffer);
    }

    private void EnsurePredictionBuffers(int n)
    {
        if (_meanBuffer.Length >= n) return;
        var capacity = Math.Max(n, 2 * _meanBuffer.Length);
        _meanBuffer = new double[capacity];
        _varianceBuffer = new double[capacity];
        _featureBuffer = new double[capacity * _encoder.FeatureCount];
    }

    /// <summary>Indices ordered by decreasing score.</summary>
    private static int[] RankDescending(double[] scores)
    {
        var order = new int[scores.Length];
        var keys = new double[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = -scores[i];
        }
        // Sorting primitive keys is several times faster than a comparison delegate; the order is deterministic
        // for the same scores, which is all reproducibility needs.
        Array.Sort(keys, order);
        return order;
    }
}
