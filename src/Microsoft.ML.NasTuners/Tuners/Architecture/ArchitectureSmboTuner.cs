using Microsoft.ML.NasTuners.Acquisition;
using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Sequential model-based optimisation over architectures with a pluggable acquisition: expected improvement under a
/// surrogate (a GP with a string kernel, <see cref="StringKernelGpTuner"/>; with a Weisfeiler-Lehman graph kernel,
/// <see cref="GraphKernelGpTuner"/>; with a Matérn kernel on an embedding, <see cref="EmbeddingGpTuner"/>; a random
/// forest on an embedding, <see cref="EmbeddingForestTuner"/>) or TPE's density ratio on an embedding
/// (<see cref="EmbeddingTpeTuner"/>). Each proposal fits the acquisition to the finished trials and maximises it by a
/// broad evolutionary search (<see cref="EvolutionaryArchitectureSearch"/>) over the model view of the space, so any
/// space whose points the <see cref="IArchitectureEncoding"/> reads can be searched.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The first <see cref="ArchitectureSmboOptions.InitialTrials"/> proposals are random.</item>
/// <item>No architecture is proposed twice, nor an isomorphic twin of one evaluated, pending or failed (the encoding's
/// <see cref="IArchitectureEncoding.CanonicalKey"/>); only when every architecture is taken does a repeat come.</item>
/// <item>Pending trials (parallel runs) are handed to the acquisition, which steers away from them (the kriging
/// believer for expected improvement, a constant liar for the density ratio).</item>
/// <item>Failed trials, and trials with a NaN or infinite loss, are kept out of the model but never proposed again.</item>
/// <item>With budgets (multi-fidelity runs) only the results at the largest budget seen are modelled.</item>
/// <item>The same seed gives the same proposals for the same results.</item>
/// </list>
/// </remarks>
public class ArchitectureSmboTuner : ITuner
{
    private readonly ModelView _view;
    private readonly IArchitectureEncoding _encoding;
    private readonly IArchitectureAcquisition _acquisition;
    private readonly ArchitectureSmboOptions _options;
    private readonly EvolutionaryArchitectureSearch _search;
    private readonly Random _random;
    // Read by the model's and the optimiser's inner loops for the length of a proposal.
    private readonly ProposalCancellation _cancellation = new();
    // Every trial's architecture, taken by its canonical key (twins share one).
    private readonly TunerHistory<KeyedPoint<Parameter>> _trials = new(KeyedPoint<Parameter>.ByKey);
    private int _proposals;

    /// <summary>Creates the tuner that maximises expected improvement under <paramref name="surrogate"/>.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="encoding">Reads the architecture of a point of the space.</param>
    /// <param name="surrogate">The model of the loss.</param>
    /// <param name="options">The options; defaults when null.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public ArchitectureSmboTuner(SearchSpace searchSpace, IArchitectureEncoding encoding, IArchitectureSurrogate surrogate,
        ArchitectureSmboOptions? options = null, int seed = 0)
        : this(searchSpace, encoding, new ArchitectureExpectedImprovement(surrogate ?? throw new ArgumentNullException(nameof(surrogate))), options, seed)
    {
    }

    /// <summary>Creates the tuner that maximises <paramref name="acquisition"/>.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="encoding">Reads the architecture of a point of the space.</param>
    /// <param name="acquisition">What the search maximises.</param>
    /// <param name="options">The options; defaults when null.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public ArchitectureSmboTuner(SearchSpace searchSpace, IArchitectureEncoding encoding, IArchitectureAcquisition acquisition,
        ArchitectureSmboOptions? options = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        _encoding = encoding ?? throw new ArgumentNullException(nameof(encoding));
        _acquisition = acquisition ?? throw new ArgumentNullException(nameof(acquisition));
        _options = options ?? new ArchitectureSmboOptions();
        _options.Validate();
        _view = searchSpace.ModelView;
        _random = new Random(seed);
        _search = new EvolutionaryArchitectureSearch(_view, encoding, _options.Parents, _options.RandomCandidates, _options.Generations,
            _options.GenerationParents);
    }

    /// <summary>What the search maximises.</summary>
    public IArchitectureAcquisition Acquisition => _acquisition;

    /// <summary>The number of finished trials with a usable loss.</summary>
    public int ObservationCount => _trials.Modelled.Count;

    /// <summary>The number of candidates the acquisition search scored for the last model-based proposal.</summary>
    public int LastCandidatesScored => _search.LastScored;

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
        var modelled = Modelled();
        var chosen = _proposals++ >= _options.InitialTrials && modelled.Count >= 2 ? ProposeFromModel(modelled) : null;
        var (parameter, key) = chosen is { } c ? (c.Parameter, c.Key) : RandomArchitecture();
        _trials.Propose(settings.TrialId, new KeyedPoint<Parameter>(parameter, key));
        return parameter;
    }

    /// <inheritdoc />
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parameter = result.TrialSettings.Parameter;
        _trials.Tell(result, () => new KeyedPoint<Parameter>(parameter, _encoding.CanonicalKey(parameter)));
    }

    // The observations the model learns from: those at the largest budget seen (a null budget is the full one).
    private List<TunerTrial<KeyedPoint<Parameter>>> Modelled() => _trials.ModelledAtHighestBudget();

    private bool IsTaken(string key) => _trials.IsTaken(new KeyedPoint<Parameter>(NoParameter, key));

    // The lookup compares keys only, so any parameter will do.
    private static readonly Parameter NoParameter = Parameter.CreateNestedParameter();

    private ArchitectureCandidate? ProposeFromModel(List<TunerTrial<KeyedPoint<Parameter>>> modelled)
    {
        var points = modelled.Select(o => o.Point.Value).ToList();
        var targets = SmacLossTransforms.Apply(_options.LossTransform, modelled.Select(o => o.Loss).ToList());
        try
        {
            _acquisition.Fit(points, targets, _trials.Pending.Select(p => p.Point.Value).ToList(), _random);
            var incumbents = Enumerable.Range(0, modelled.Count).OrderBy(i => targets[i]).Select(i => _view.Encode(points[i])).ToList();
            double[] Score(IReadOnlyList<Parameter> candidates)
            {
                _cancellation.Token.ThrowIfCancellationRequested();
                return _acquisition.Score(candidates);
            }
            _cancellation.Token.ThrowIfCancellationRequested();
            return _search.Maximize(incumbents, Score, key => !IsTaken(key), _random);
        }
        catch (InvalidOperationException)
        {
            // The model could not be fitted or queried (degenerate data); a random architecture keeps the run going.
            return null;
        }
    }

    // A small space may be nearly exhausted; after this many draws a repeat is better than no proposal.
    private (Parameter Parameter, string Key) RandomArchitecture() =>
        UnseenArchitecture.Draw(_view, _random, _encoding.CanonicalKey, IsTaken, maxDraws: 1000);
}
