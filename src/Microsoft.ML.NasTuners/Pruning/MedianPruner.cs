namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>The median stopping rule: a <see cref="PercentilePruner"/> at the 50th percentile. Prunes a trial whose
/// best value so far is worse than the median of what the succeeded trials reported at the same step.</summary>
public sealed class MedianPruner : PercentilePruner
{
    /// <summary>Creates the pruner.</summary>
    /// <param name="startupTrials">Succeeded trials needed before any pruning.</param>
    /// <param name="warmupSteps">Steps below this are never pruned.</param>
    /// <param name="minTrialsAtStep">Succeeded trials that must have reported at a step for it to be judged.</param>
    public MedianPruner(int startupTrials = PercentilePrunerOptions.DefaultStartupTrials, double warmupSteps = 0, int minTrialsAtStep = 1)
        : base(new PercentilePrunerOptions { Percentile = 50, StartupTrials = startupTrials, WarmupSteps = warmupSteps, MinTrialsAtStep = minTrialsAtStep })
    {
    }
}
