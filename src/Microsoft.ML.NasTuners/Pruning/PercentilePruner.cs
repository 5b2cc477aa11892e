namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>
/// Prunes a trial whose best value so far is worse than a percentile of the values the succeeded trials reported at the
/// same step (the median stopping rule at 50, Golovin et al. 2017, "Google Vizier").
/// </summary>
public class PercentilePruner : IPruner
{
    private readonly PercentilePrunerOptions _options;

    /// <summary>Creates the pruner; the options are copied, so later edits do not reach it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public PercentilePruner(PercentilePrunerOptions? options = null)
    {
        var o = options ?? new PercentilePrunerOptions();
        if (!(o.Percentile > 0 && o.Percentile <= 100))
            throw new ArgumentOutOfRangeException(nameof(options), o.Percentile, "PercentilePrunerOptions.Percentile must lie in (0, 100].");
        if (o.StartupTrials < 0)
            throw new ArgumentOutOfRangeException(nameof(options), o.StartupTrials, "PercentilePrunerOptions.StartupTrials must be at least 0.");
        if (!(o.WarmupSteps >= 0) || double.IsInfinity(o.WarmupSteps))
            throw new ArgumentOutOfRangeException(nameof(options), o.WarmupSteps, "PercentilePrunerOptions.WarmupSteps must be a finite number of at least 0.");
        if (o.MinTrialsAtStep < 1)
            throw new ArgumentOutOfRangeException(nameof(options), o.MinTrialsAtStep, "PercentilePrunerOptions.MinTrialsAtStep must be at least 1.");
        _options = new PercentilePrunerOptions
        {
            Percentile = o.Percentile, StartupTrials = o.StartupTrials, WarmupSteps = o.WarmupSteps, MinTrialsAtStep = o.MinTrialsAtStep,
        };
    }

    /// <inheritdoc />
    public bool ShouldPrune(TrialCurve trial, IReadOnlyList<TrialCurve> others)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(others);
        if (trial.Values.Count == 0) return false;
        var step = trial.Values[^1].Step;
        if (step < _options.WarmupSteps) return false;
        var succeeded = others.Where(o => o.Status == TrialStatus.Succeeded).ToArray();
        if (succeeded.Length < _options.StartupTrials) return false;
        var atStep = succeeded.Select(o => o.At(step)).OfType<double>().Where(double.IsFinite).Order().ToArray();
        if (atStep.Length < Math.Max(1, _options.MinTrialsAtStep)) return false;
        return trial.BestUpTo(step) is not { } best || best > Percentile(atStep, _options.Percentile);
    }

    // The p-th percentile of sorted values, interpolating linearly between order statistics (type 7).
    private static double Percentile(double[] sorted, double p)
    {
        var position = p / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
