namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>
/// Asynchronous successive halving as a pruner (ASHA, Li et al. 2020): rung k sits at step
/// <c>minResource · η^(s + k)</c> (s the minimum early-stopping rate); when a trial first reports at or past a rung, its
/// value there is compared with every value recorded at that rung so far, and it goes on only when it is among the best
/// 1/η of them (the best one when fewer than η have reached the rung). It never waits for other trials.
/// </summary>
public sealed class SuccessiveHalvingPruner : IPruner
{
    private readonly double _minResource;
    private readonly double _eta;
    private readonly int _minEarlyStoppingRate;
    private readonly Func<TrialCurve, bool>? _competes;

    /// <summary>Creates the pruner.</summary>
    /// <param name="minResource">The step of the first rung (an epoch count, say), greater than 0.</param>
    /// <param name="reductionFactor">η: a rung keeps the best 1/η of the trials that reach it; at least 2. Default 3.</param>
    /// <param name="minEarlyStoppingRate">s: the first rung is at <c>minResource · η^s</c>; at least 0. Default 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public SuccessiveHalvingPruner(double minResource, double reductionFactor = 3, int minEarlyStoppingRate = 0)
        : this(minResource, reductionFactor, minEarlyStoppingRate, null)
    {
    }

    // competes: which other trials share this pruner's rungs (Hyperband's brackets); null means all.
    internal SuccessiveHalvingPruner(double minResource, double reductionFactor, int minEarlyStoppingRate, Func<TrialCurve, bool>? competes)
    {
        if (!(minResource > 0) || double.IsInfinity(minResource))
            throw new ArgumentOutOfRangeException(nameof(minResource), minResource, "minResource must be a finite number greater than 0.");
        if (!(reductionFactor >= 2) || double.IsInfinity(reductionFactor))
            throw new ArgumentOutOfRangeException(nameof(reductionFactor), reductionFactor, "reductionFactor must be a finite number of at least 2.");
        if (minEarlyStoppingRate < 0)
            throw new ArgumentOutOfRangeException(nameof(minEarlyStoppingRate), minEarlyStoppingRate, "minEarlyStoppingRate must be at least 0.");
        _minResource = minResource;
        _eta = reductionFactor;
        _minEarlyStoppingRate = minEarlyStoppingRate;
        _competes = competes;
    }

    /// <summary>The step of rung <paramref name="k"/>.</summary>
    public double RungStep(int k) => _minResource * Math.Pow(_eta, _minEarlyStoppingRate + k);

    /// <inheritdoc />
    public bool ShouldPrune(TrialCurve trial, IReadOnlyList<TrialCurve> others)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(others);
        if (trial.Values.Count == 0) return false;
        var step = trial.Values[^1].Step;
        var previous = trial.Values.Count > 1 ? trial.Values[^2].Step : double.NegativeInfinity;
        var competitors = others.Where(o => _competes is null || _competes(o)).ToArray();
        // Judge every rung this report crossed for the first time, lowest first.
        for (var k = 0; RungStep(k) <= step; k++)
        {
            var rung = RungStep(k);
            if (previous >= rung) continue;
            var own = ValueAtRung(trial, rung)!.Value;
            var values = competitors.Select(c => ValueAtRung(c, rung)).OfType<double>().Append(own).Order().ToArray();
            var kept = Math.Max(1, (int)Math.Floor(values.Length / _eta));
            if (!(own <= values[kept - 1])) return true;
        }
        return false;
    }

    // What a trial recorded at a rung: its value at the first step it reported at or past the rung; null when it has
    // not reached the rung. NaN (a diverged trial) counts as worst.
    private static double? ValueAtRung(TrialCurve curve, double rung)
    {
        foreach (var v in curve.Values)
            if (v.Step >= rung) return double.IsNaN(v.Value) ? double.PositiveInfinity : v.Value;
        return null;
    }
}
