namespace Microsoft.ML.NasTuners.Pruning;

/// <summary>The settings of <see cref="PercentilePruner"/> and <see cref="MedianPruner"/>, with their defaults.</summary>
public sealed class PercentilePrunerOptions
{
    /// <summary>Default of <see cref="StartupTrials"/>: 5, as the median stopping rule is usually run.</summary>
    public const int DefaultStartupTrials = 5;

    /// <summary>The percentile of the other trials' values a trial must not be worse than, in (0, 100]: 50 is the
    /// median stopping rule, 25 keeps only trials in the best quarter. Default 50.</summary>
    public double Percentile { get; set; } = 50;

    /// <summary>How many trials must have succeeded before any trial is pruned. Default
    /// <see cref="DefaultStartupTrials"/>.</summary>
    public int StartupTrials { get; set; } = DefaultStartupTrials;

    /// <summary>Steps below this are never pruned (learning curves cross early). Default 0.</summary>
    public double WarmupSteps { get; set; }

    /// <summary>How many succeeded trials must have reported at a step for it to be judged. Default 1.</summary>
    public int MinTrialsAtStep { get; set; } = 1;
}
