using System.Globalization;
using Microsoft.ML.NasTuners.Acquisition;
using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Regularised (aging) evolution (Real, Aggarwal, Huang and Le, AAAI 2019), on any <see cref="SearchSpace"/> through
/// its <see cref="ModelView"/>.
/// <list type="bullet">
/// <item>The first <see cref="EvolutionOptions.PopulationSize"/> proposals are random; each result with a usable loss
/// joins the population.</item>
/// <item>Afterwards each proposal is a tournament: <see cref="EvolutionOptions.SampleSize"/> members are sampled
/// uniformly without replacement, and the child is the best of them (lowest loss) with exactly one active dimension
/// mutated (<see cref="OneExchangeNeighbourhood.RandomNeighbour"/>: a categorical to another value, a number by a
/// Gaussian step in unit scale, a changed branch draws its newly active dimensions).</item>
/// <item>When a child's result arrives it joins the population and the oldest member (the earliest to join) dies,
/// so no architecture survives for ever on one lucky evaluation.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>No repeats: with an <see cref="IArchitectureEncoding"/>, the tuner never proposes an architecture whose
/// <see cref="IArchitectureEncoding.CanonicalKey"/> was proposed before (evaluated, failed or pending), so it never
/// spends a trial on an isomorphic twin; without one, it never proposes an identical parameter again. A child that
/// repeats is mutated afresh from the same parent, up to <see cref="EvolutionOptions.MaxMutationAttempts"/> times;
/// then random points are drawn, up to 1,000; only when all of those repeat too (a nearly exhausted space) is a
/// repeat proposed.</para>
/// <para>Parallel trials: a pending proposal counts as proposed (never repeated) but is not in the population until
/// its result arrives; while results plus pending proposals are fewer than the population size, proposals stay
/// random. Failed, timed-out, pruned and cancelled trials and NaN or infinite losses never join the population and
/// are never proposed again.</para>
/// <para>Budgets: the tuner leaves <see cref="TrialSettings.Budget"/> unset (full budget). Only results at the largest
/// budget seen (null counts as the largest possible) join the population; when a larger budget appears, members
/// scored at smaller ones leave it.</para>
/// <para>Every random choice flows from the seed: the same seed and history give the same proposals.</para>
/// </remarks>
public sealed class RegularizedEvolutionTuner : ITuner
{
    // Random draws tried once mutations keep repeating, before a repeat is accepted.
    private const int MaxRandomDraws = 1000;

    private readonly ModelView _view;
    private readonly OneExchangeNeighbourhood _neighbourhood;
    private readonly IArchitectureEncoding? _encoding;
    private readonly Random _random;

    // Members in order of joining: index 0 is the oldest.
    private readonly List<EvolutionMember> _population = [];
    // Every trial's point, taken by its key (the architecture's canonical key, or the raw values).
    private readonly TunerHistory<KeyedPoint<double[]>> _trials = new(KeyedPoint<double[]>.ByKey);
    private double _populationBudget = double.NegativeInfinity;

    /// <summary>Creates the tuner.</summary>
    /// <param name="searchSpace">The space to search.</param>
    /// <param name="options">The options; null for the defaults of <see cref="EvolutionOptions"/>.</param>
    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="architecture">How to read a point as an architecture; when given, isomorphic twins of proposed
    /// architectures are never proposed. Null compares parameters.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RegularizedEvolutionTuner(SearchSpace searchSpace, EvolutionOptions? options = null, int seed = 0, IArchitectureEncoding? architecture = null)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        Options = options ?? new EvolutionOptions();
        Options.Validate();
        _view = searchSpace.ModelView;
        _neighbourhood = new OneExchangeNeighbourhood(_view, numericStepSd: Options.NumericStepSd);
        _encoding = architecture;
        _random = new Random(seed);
    }

    /// <summary>The options.</summary>
    public EvolutionOptions Options { get; }

    /// <summary>The population, oldest first, for tests and monitors.</summary>
    public IReadOnlyList<EvolutionMember> Population => _population;

    /// <inheritdoc />
    public Parameter Propose(TrialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var evolving = _population.Count > 0 && _population.Count + _trials.PendingCount >= Options.PopulationSize;
        var (point, parameter, key) = evolving ? Child(Tournament()) : Unseen();
        _trials.Propose(settings.TrialId, new KeyedPoint<double[]>(point, key));
        return parameter;
    }

    /// <inheritdoc />
    public void Update(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parameter = result.TrialSettings.Parameter;
        // A result the tuner did not propose (for example a warm start) is learned all the same.
        var trial = _trials.Tell(result, () => new KeyedPoint<double[]>(_view.Encode(parameter), Key(parameter)));
        if (trial is not { Use: TrialUse.Modelled }) return;
        var point = trial.Point.Value;

        var budget = result.TrialSettings.Budget ?? double.PositiveInfinity;
        if (budget < _populationBudget) return;
        if (budget > _populationBudget)
        {
            _population.Clear();
            _populationBudget = budget;
        }
        _population.Add(new EvolutionMember(point, result.Loss, result.TrialSettings.TrialId));
        if (_population.Count > Options.PopulationSize) _population.RemoveAt(0);
    }

    /// <summary>The best of <see cref="EvolutionOptions.SampleSize"/> members drawn uniformly without replacement
    /// (all of them when the population is smaller); ties go to the member drawn first.</summary>
    private EvolutionMember Tournament()
    {
        var count = _population.Count;
        var sample = Math.Min(Options.SampleSize, count);
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        EvolutionMember? best = null;
        for (var k = 0; k < sample; k++)
        {
            // A partial Fisher-Yates shuffle: position k receives a uniform draw from the ones not yet taken.
            var j = k + _random.Next(count - k);
            (order[k], order[j]) = (order[j], order[k]);
            var member = _population[order[k]];
            if (best is null || member.Loss < best.Loss) best = member;
        }
        return best!;
    }

    private (double[] Point, Parameter Parameter, string Key) Child(EvolutionMember parent)
    {
        for (var attempt = 0; attempt < Options.MaxMutationAttempts; attempt++)
        {
            if (_neighbourhood.RandomNeighbour(parent.Point, _random) is not { } mutated) break;
            var parameter = _view.Decode(mutated);
            var key = Key(parameter);
            if (!IsTaken(key)) return (_view.Encode(parameter), parameter, key);
        }
        return Unseen();
    }

    // A random point not proposed before; after MaxRandomDraws repeats, the last draw (the space is nearly exhausted).
    private (double[] Point, Parameter Parameter, string Key) Unseen()
    {
        var (parameter, key) = UnseenArchitecture.Draw(_view, _random, Key, IsTaken, MaxRandomDraws);
        return (_view.Encode(parameter), parameter, key);
    }

    // The lookup compares keys only, so any point will do.
    private bool IsTaken(string key) => _trials.IsTaken(new KeyedPoint<double[]>([], key));

    private string Key(Parameter parameter) => _encoding is not null
        ? _encoding.CanonicalKey(parameter)
        : string.Join(",", _view.Encode(parameter).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
