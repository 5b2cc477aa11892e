using Microsoft.ML.NasTuners.Acquisition;
using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Sequential model-based optimisation over architectures with a pluggable surrogate: a GP with a string kernel
/// (<see cref="StringKernelGpTuner"/>), a GP with a Weisfeiler-Lehman graph kernel (<see cref="GraphKernelGpTuner"/>),
/// or a random forest on a vector embedding (<see cref="EmbeddingForestTuner"/>). Each proposal fits the surrogate to
/// the finished trials and maximises expected improvement by a broad evolutionary search
/// (<see cref="EvolutionaryArchitectureSearch"/>) over the model view of the space, so any space whose points the
/// <see cref="IArchitectureEncoding"/> reads can be searched.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The first <see cref="ArchitectureSmboOptions.InitialTrials"/> proposals are random.</item>
/// <item>No architecture is proposed twice, nor an isomorphic twin of one evaluated, pending or failed (the encoding's
/// <see cref="IArchitectureEncoding.CanonicalKey"/>); only when every architecture is taken does a repeat come.</item>
/// <item>Pending trials (parallel runs) enter the model by the kriging believer: each is added as if observed at the
/// model's predicted mean, without re-estimating hyper-parameters, which lowers the acquisition around it.</item>
/// <item>Failed trials, and trials with a NaN or infinite loss, are kept out of the model but never proposed again.</item>
/// <item>With budgets (multi-fidelity runs) only the results at the largest budget seen are modelled.</item>
/// <item>The same seed gives the same proposals for the same results.</item>
/// </list>
/// </remarks>
public class ArchitectureSmboTuner : ITuner
{
    private readonly ModelView _view;
    private readonly IArchitectureEncoding _encoding;
    private readonly IArchitectureSurrogate _surrogate;
    private readonly ArchitectureSmboOptions _options;
    private readonly EvolutionaryArchitectureSearch _search;
    private readonly Random _random;
    private readonly List<Observation> _observations = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (Parameter Parameter, string Key)> _pending = [];
    private int _proposals;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="encoding">Reads the architecture of a point of the space.</param>
    /// <param name="surrogate">The model of the loss.</param>
    /// <param name="options">The options; defaults when null.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public ArchitectureSmboTuner(SearchSpace searchSpace, IArchitectureEncoding encoding, IArchitectureSurrogate surrogate,
        ArchitectureSmboOptions? options = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        _encoding = encoding ?? throw new ArgumentNullException(nameof(encoding));
        _surrogate = surrogate ?? throw new ArgumentNullException(nameof(surrogate));
        _options = options ?? new ArchitectureSmboOptions();
        _options.Validate();
        _view = searchSpace.ModelView;
        _random = new Random(seed);
        _search = new EvolutionaryArchitectureSearch(_view, encoding, _options.Parents, _options.RandomCandidates, _options.Generations,
            _options.GenerationParents);
    }

    /// <summary>The surrogate.</summary>
    public IArchitectureSurrogate Surrogate => _surrogate;

    /// <summary>The number of finished trials with a usable loss.</summary>
    public int ObservationCount => _observations.Count;

    /// <summary>The number of candidates the acquisition search scored for the last model-based proposal.</summary>
    public int LastCandidatesScored => _search.LastScored;

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var modelled = Modelled();
        var chosen = _proposals++ >= _options.InitialTrials && modelled.Count >= 2 ? ProposeFromModel(modelled) : null;
        var (parameter, key) = chosen is { } c ? (c.Parameter, c.Key) : RandomArchitecture();
        _pending[settings.TrialId] = (parameter, key);
        _taken.Add(key);
        return parameter;
    }

    /// <inheritdoc />
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status == TrialStatus.Running) return;
        var settings = result.TrialSettings;
        if (!_pending.Remove(settings.TrialId, out var proposed))
            proposed = (settings.Parameter, _encoding.CanonicalKey(settings.Parameter));
        // Evaluated, failed or not: the architecture stays taken.
        _taken.Add(proposed.Key);
        if (!result.HasUsableLoss) return;
        _observations.Add(new Observation(proposed.Parameter, result.Loss, settings.Budget ?? double.PositiveInfinity));
    }

    // The observations the model learns from: those at the largest budget seen (a null budget is the full one).
    private List<Observation> Modelled()
    {
        if (_observations.Count == 0) return [];
        var top = _observations.Max(o => o.Budget);
        return _observations.Where(o => o.Budget == top).ToList();
    }

    private ArchitectureCandidate? ProposeFromModel(List<Observation> modelled)
    {
        var points = modelled.Select(o => o.Parameter).ToList();
        var targets = SmacLossTransforms.Apply(_options.LossTransform, modelled.Select(o => o.Loss).ToList());
        try
        {
            _surrogate.Fit(points, targets, _random);
            if (_pending.Count > 0)
            {
                var pending = _pending.Values.Select(p => p.Parameter).ToList();
                var predictions = _surrogate.Predict(pending);
                var believed = Enumerable.Range(0, pending.Count).Select(i => predictions.Average(p => p.Mean[i])).ToList();
                _surrogate.Believe(pending, believed, _random);
            }
            var best = targets.Min();
            var incumbents = Enumerable.Range(0, modelled.Count).OrderBy(i => targets[i]).Select(i => _view.Encode(points[i])).ToList();
            return _search.Maximize(incumbents, candidates => LogExpectedImprovement(candidates, best), key => !_taken.Contains(key), _random);
        }
        catch (InvalidOperationException)
        {
            // The model could not be fitted or queried (degenerate data); a random architecture keeps the run going.
            return null;
        }
    }

    // log of the expected improvement averaged over the surrogate's predictions (log-sum-exp, so tiny values still rank).
    private double[] LogExpectedImprovement(IReadOnlyList<Parameter> candidates, double best)
    {
        var predictions = _surrogate.Predict(candidates);
        var result = new double[candidates.Count];
        var logs = new double[predictions.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var max = double.NegativeInfinity;
            for (var s = 0; s < logs.Length; s++)
            {
                var p = predictions[s];
                logs[s] = ExpectedImprovement.Log(p.Mean[i], Math.Sqrt(Math.Max(p.Variance[i], 0)), best);
                max = Math.Max(max, logs[s]);
            }
            if (double.IsNegativeInfinity(max))
            {
                result[i] = max;
                continue;
            }
            double sum = 0;
            foreach (var l in logs) sum += Math.Exp(l - max);
            result[i] = max + Math.Log(sum / logs.Length);
        }
        return result;
    }

    // A small space may be nearly exhausted; after this many draws a repeat is better than no proposal.
    private (Parameter Parameter, string Key) RandomArchitecture() =>
        UnseenArchitecture.Draw(_view, _random, _encoding.CanonicalKey, _taken, maxDraws: 1000);

    private sealed record Observation(Parameter Parameter, double Loss, double Budget);
}
