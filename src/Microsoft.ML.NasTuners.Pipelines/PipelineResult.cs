using System.Globalization;
using Microsoft.ML.NasTuners.Pipelines.Featurization;

namespace Microsoft.ML.NasTuners.Pipelines;

/// <summary>What a pipeline search found: the best model, refitted on all the training data, what it is, its metrics,
/// and every trial.</summary>
public sealed class PipelineResult
{
    internal PipelineResult() { }

    /// <summary>The task.</summary>
    public required PipelineTask Task { get; init; }

    /// <summary>The metric the search optimised.</summary>
    public required PipelineMetric Metric { get; init; }

    /// <summary>How trials were validated.</summary>
    public required PipelineValidation Validation { get; init; }

    /// <summary>The best pipeline, fitted on all the training data: it reads the training data's columns (the label
    /// is not needed) and writes ML.NET's prediction columns (<c>Score</c>, <c>PredictedLabel</c>, <c>Probability</c>;
    /// a multiclass <c>PredictedLabel</c> is the class name). Null when no trial succeeded or the run was cancelled
    /// before the refit.</summary>
    public ITransformer? Model { get; init; }

    /// <summary>The schema <see cref="Model"/> reads, for <c>mlContext.Model.Save(result.Model, result.InputSchema, path)</c>.</summary>
    public required DataViewSchema InputSchema { get; init; }

    /// <summary>The succeeded trial of the lowest validation loss at any budget (every budget validates on all the
    /// validation rows; a tie goes to the higher budget), refitted at the full budget: all the training rows and all its
    /// boosting iterations. Null when none succeeded.</summary>
    public PipelineTrial? BestTrial { get; init; }

    /// <summary>The model's steps: the featurisation, normalisation, trainer and hyper-parameters (of each member, for an
    /// ensemble).</summary>
    public string? Description { get; init; }

    /// <summary>The ensemble that is the model, when it validated better than <see cref="BestTrial"/>
    /// (<see cref="PipelineExperiment.SetEnsembleSize"/>); null when the model is the best trial's pipeline.</summary>
    public PipelineEnsemble? Ensemble { get; init; }

    /// <summary>The model's validation metrics: the ensemble's when there is one, else the best trial's.</summary>
    public IReadOnlyDictionary<PipelineMetric, double> ValidationMetrics => Ensemble?.ValidationMetrics ?? BestTrial?.ValidationMetrics ?? new Dictionary<PipelineMetric, double>();

    /// <summary>The model's metrics on the test data given to the experiment; null without test data or model.</summary>
    public IReadOnlyDictionary<PipelineMetric, double>? TestMetrics { get; init; }

    /// <summary>The featurisation chosen for each column.</summary>
    public required IReadOnlyList<ColumnPlan> Featurization { get; init; }

    /// <summary>Every trial, in id order.</summary>
    public required IReadOnlyList<PipelineTrial> Trials { get; init; }

    /// <summary>The underlying experiment's result (stop reason, budgets spent, abandoned trials); null for
    /// <see cref="PipelineExperiment.RunMlNetDefaultsAsync"/>, which runs no tuner.</summary>
    public ExperimentResult? Experiment { get; init; }

    /// <summary>Why the search stopped.</summary>
    public required StopReason StopReason { get; init; }

    /// <summary>The trials whose training was stopped through <c>MLContext.CancelExecution()</c>.</summary>
    public int CancelledExecutions => Trials.Count(t => t.ExecutionCancelled);

    /// <summary>Wall-clock time of the search and the refit.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Throws unless there is a model; returns this result otherwise.</summary>
    /// <exception cref="InvalidOperationException">No model: the message says why and lists the first errors.</exception>
    public PipelineResult EnsureModel()
    {
        if (Model is not null) return this;
        var errors = Trials.Where(t => t.Error is not null).Take(5).Select(t => $"  trial {t.TrialId} {t.Trainer} ({t.Status}): {t.Error!.Split('\n')[0]}");
        throw new InvalidOperationException($"The pipeline search has no model (stopped: {StopReason}, {Trials.Count} trials).{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    /// <summary>A few lines for a person.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Task}: {Trials.Count} trials ({Trials.Count(t => t.Status == TrialStatus.Succeeded)} succeeded, {CancelledExecutions} cancelled through CancelExecution) in {Elapsed.TotalSeconds:0.0} s, stopped: {StopReason}.");
        if (BestTrial is { } best)
            text += string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}Best: {Description}{Environment.NewLine}Validation {Metric}: {(Ensemble is { } e ? e.ValidationMetrics[Metric] : best.Metric):G5}");
        if (TestMetrics is { } test)
            text += string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}Test: {string.Join(", ", test.Select(kv => $"{kv.Key} {kv.Value:G5}"))}");
        return text;
    }
}
