namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>One trial of a pipeline search: the trainer and hyper-parameters it tried, at which budget, how it ended
/// and its validation metrics.</summary>
public sealed record PipelineTrial
{
    /// <summary>The trial's id in the experiment.</summary>
    public required int TrialId { get; init; }

    /// <summary>The trainer's name.</summary>
    public required string Trainer { get; init; }

    /// <summary>The trainer's hyper-parameters: the proposal's (for a trial at ML.NET's defaults, the default point
    /// that stands for them); empty for the trials of <see cref="PipelineExperiment.RunMlNetDefaultsAsync"/>.</summary>
    public required Parameter Parameter { get; init; }

    /// <summary>True when the trainer ran with ML.NET's default settings (its defaults factory, not the values of
    /// <see cref="Parameter"/>):
    /// the trials of <see cref="PipelineExperiment.RunMlNetDefaultsAsync"/> and the first trials of a search
    /// (<see cref="PipelineExperiment.SetEvaluateDefaultsFirst"/>).</summary>
    public bool UsesMlNetDefaults { get; init; }

    /// <summary>The budget (1 to 9, see <see cref="FidelityMapping"/>); null without fidelities.</summary>
    public double? Budget { get; init; }

    /// <summary>How the trial ended.</summary>
    public required TrialStatus Status { get; init; }

    /// <summary>The loss the tuner minimised (see <see cref="PipelineMetrics.ToLoss"/>); NaN when none.</summary>
    public double Loss { get; init; } = double.NaN;

    /// <summary>The optimised metric on validation; NaN when none.</summary>
    public double Metric { get; init; } = double.NaN;

    /// <summary>Every metric of the task on validation (empty when the trial did not finish).</summary>
    public IReadOnlyDictionary<PipelineMetric, double> ValidationMetrics { get; init; } = new Dictionary<PipelineMetric, double>();

    /// <summary>The loss on each validation fold, in fold order (one value for a holdout; empty when the trial did not
    /// finish): the folds are the same for every trial, so two trials' losses pair fold by fold.</summary>
    public IReadOnlyList<double> FoldLosses { get; init; } = [];

    /// <summary>Wall-clock duration.</summary>
    public double DurationInMilliseconds { get; init; }

    /// <summary>True when the trial's training was stopped through its MLContext's <c>CancelExecution()</c> (it timed
    /// out, or the run was cancelled or reached its time limit while it trained).</summary>
    public bool ExecutionCancelled { get; init; }

    /// <summary>Why the trial failed or stopped, if it did.</summary>
    public string? Error { get; init; }
}
