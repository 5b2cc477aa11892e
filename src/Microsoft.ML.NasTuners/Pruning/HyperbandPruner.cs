namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>
/// Hyperband as a pruner (Li et al. 2018): several successive-halving brackets whose first rungs sit at
/// <c>minResource · η^b</c>, b = 0 .. B − 1, B = ⌊log_η(maxResource / minResource)⌋ + 1, so some trials are judged early
/// and others only late. Each trial belongs to one bracket, drawn from its id and the seed with weights proportional to
/// Hyperband's count of configurations per bracket, and competes only with trials of its bracket.
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly SuccessiveHalvingPruner[] _brackets;
    private readonly double[] _cumulativeWeights;
    private readonly int _seed;

    /// <summary>Creates the pruner.</summary>
    /// <param name="minResource">The smallest step a trial is judged at, greater than 0.</param>
    /// <param name="maxResource">The step a full trial reaches, at least <paramref name="minResource"/>.</param>
    /// <param name="reductionFactor">η, at least 2. Default 3.</param>
    /// <param name="seed">Seeds the draw of each trial's bracket.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public HyperbandPruner(double minResource, double maxResource, double reductionFactor = 3, int seed = 0)
    {
        if (!(minResource > 0) || double.IsInfinity(minResource))
            throw new ArgumentOutOfRangeException(nameof(minResource), minResource, "minResource must be a finite number greater than 0.");
        if (!(maxResource >= minResource) || double.IsInfinity(maxResource))
            throw new ArgumentOutOfRangeException(nameof(maxResource), maxResource, "maxResource must be finite and at least minResource.");
        if (!(reductionFactor >= 2) || double.IsInfinity(reductionFactor))
            throw new ArgumentOutOfRangeException(nameof(reductionFactor), reductionFactor, "reductionFactor must be a finite number of at least 2.");
        _seed = seed;
        // A small tolerance so that max / min = η^k exactly gives k + 1 brackets despite rounding.
        var count = (int)Math.Floor(Math.Log(maxResource / minResource) / Math.Log(reductionFactor) + 1e-9) + 1;
        _brackets = Enumerable.Range(0, count)
            .Select(b => new SuccessiveHalvingPruner(minResource, reductionFactor, b, other => BracketOf(other.TrialId) == b))
            .ToArray();
        // Bracket b starts at η^b times the smallest step, Hyperband's bracket s = B − 1 − b, which starts
        // ⌈B / (s + 1) · η^s⌉ configurations.
        var weights = Enumerable.Range(0, count)
            .Select(b => Math.Ceiling(count / (double)(count - b) * Math.Pow(reductionFactor, count - 1 - b)))
            .ToArray();
        var total = weights.Sum();
        _cumulativeWeights = weights.Select((_, i) => weights.Take(i + 1).Sum() / total).ToArray();
    }

    /// <summary>How many brackets there are.</summary>
    public int BracketCount => _brackets.Length;

    /// <summary>The bracket of a trial (0 is judged earliest).</summary>
    public int BracketOf(int trialId)
    {
        // A generator of its own per trial: the same trial gets the same bracket in any order and in any process.
        var u = new Random(unchecked(_seed * 486_187_739 + trialId)).NextDouble();
        var bracket = Array.FindIndex(_cumulativeWeights, c => u < c);
        return bracket < 0 ? _brackets.Length - 1 : bracket;
    }

    /// <inheritdoc />
    public bool ShouldPrune(TrialCurve trial, IReadOnlyList<TrialCurve> others)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return _brackets[BracketOf(trial.TrialId)].ShouldPrune(trial, others);
    }
}
