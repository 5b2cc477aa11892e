using Microsoft.ML.NasTuners.Pipelines.Running;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Running;

public class ExecutionCancellationTests
{
    [Fact]
    public void This_MLNet_can_cancel_a_context()
    {
        ExecutionCancellation.IsSupported.Should().BeTrue("ML.NET 5.0.1 implements ICancelable.CancelExecution on MLContext");
    }

    [DataFact("tabular")]
    public void A_cancelled_context_refuses_to_train()
    {
        var context = new MLContext(seed: 1);
        var data = TabularSets.Load(context, "pima");
        var pipeline = context.Transforms.Concatenate("Features", "glucose", "mass")
            .Append(context.Transforms.Conversion.MapValueToKey("Label", TabularSets.Label))
            .Append(context.MulticlassClassification.Trainers.LbfgsMaximumEntropy());

        ExecutionCancellation.Cancel(context).Should().BeTrue();
        var fit = () => pipeline.Fit(data);

        fit.Should().Throw<OperationCanceledException>();
    }

    [DataFact("tabular")]
    public async Task A_trial_that_times_out_is_stopped_through_its_context_and_the_result_says_so()
    {
        var context = new MLContext(seed: 1);
        var experiment = context.Nas().MulticlassClassification(TabularSets.Load(context, "letter"), TabularSets.Label)
            .SetTrainers("LightGbm").SetFidelities(false).SetValidation(PipelineValidation.Holdout());
        // Thousands of boosting rounds over 26 classes: minutes of training, far past the timeout.
        experiment.AddTrainer(experiment.Trainers.Single().WithOption("NumberOfIterations", new UniformIntOption(5000, 5000)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await experiment.SetTrialTimeout(2).SetMaxTrials(1).RunAsync();
        if (result.Experiment!.AbandonedTrials.Count > 0) await result.Experiment.WhenAbandonedTrialsEnd();

        result.Trials.Single().Status.Should().Be(TrialStatus.TimedOut);
        result.Trials.Single().ExecutionCancelled.Should().BeTrue();
        result.CancelledExecutions.Should().Be(1);
        result.Model.Should().BeNull();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "CancelExecution stops LightGbm between rounds");
    }

    [DataFact("tabular")]
    public async Task A_cancelled_run_returns_what_it_did_without_a_refit()
    {
        var context = new MLContext(seed: 1);
        using var cancel = new CancellationTokenSource();
        var experiment = context.Nas().MulticlassClassification(TabularSets.Load(context, "letter"), TabularSets.Label)
            .SetTrainers("LightGbm").SetFidelities(false).SetValidation(PipelineValidation.Holdout())
            .AddMonitor(new CancelOnceTrainingRuns(cancel));
        experiment.AddTrainer(experiment.Trainers.Single().WithOption("NumberOfIterations", new UniformIntOption(5000, 5000)));

        var result = await experiment.RunAsync(cancel.Token);
        if (result.Experiment!.AbandonedTrials.Count > 0) await result.Experiment.WhenAbandonedTrialsEnd();

        result.StopReason.Should().Be(StopReason.Cancelled);
        result.Model.Should().BeNull();
        result.Trials.Should().ContainSingle(t => t.Status == TrialStatus.Cancelled && t.ExecutionCancelled);
        result.ToString().Should().Contain("1 cancelled through CancelExecution");
    }

    // Cancels the run a second after the first trial starts: reading the data before it takes longer on a busy machine.
    private sealed class CancelOnceTrainingRuns(CancellationTokenSource cancel) : IExperimentMonitor
    {
        public void OnTrialStarted(TrialSettings settings) => cancel.CancelAfter(TimeSpan.FromSeconds(1));
    }
}
