using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>A throwing objective fails one trial; a throwing tuner or monitor is a broken set-up and stops the run,
/// which still returns what it did.</summary>
public class FaultTests
{
    [Fact]
    public async Task A_tuner_that_throws_in_Propose_stops_the_run_with_a_fault_and_keeps_the_trials_done()
    {
        var result = await NewExperiment()
            .SetMaxTrials(10)
            .SetTuner((space, seed) => new ProposeThrowsAt(3, new NasTuners.Tuners.RandomSearchTuner(space, seed)))
            .SetObjective((p, _, _) => Loss(p))
            .RunAsync();

        result.StopReason.Should().Be(StopReason.Faulted);
        result.Trials.Should().HaveCount(3).And.OnlyContain(t => t.Status == TrialStatus.Succeeded);
        result.Fault.Should().BeOfType<InvalidOperationException>()
            .Which.Message.Should().Contain("Propose").And.Contain("trial 3").And.Contain("tuner broke");
        result.Fault!.InnerException.Should().BeOfType<NotSupportedException>();
        result.Summary.Should().Contain("stopped on an error");
        FluentActions.Invoking(() => result.EnsureSucceeded())
            .Should().Throw<InvalidOperationException>().WithInnerException<InvalidOperationException>();
    }

    [Fact]
    public async Task The_fault_of_a_proposal_names_the_id_the_store_reserved_for_it()
    {
        using var store = new NasTuners.Storage.InMemoryTrialStore();
        store.CreateStudy("s", SmallSpace().ToJson());
        // Another process reserved ids 0 to 4: this run's first trial is 5, not its history's next id 0.
        for (var i = 0; i < 5; i++) store.ReserveTrialId("s");

        var result = await NewExperiment()
            .SetStudy("s", store)
            .SetMaxTrials(10)
            .SetTuner((space, seed) => new ProposeThrowsAt(5, new NasTuners.Tuners.RandomSearchTuner(space, seed)))
            .SetObjective((p, _, _) => Loss(p))
            .RunAsync();

        result.StopReason.Should().Be(StopReason.Faulted);
        result.Fault!.Message.Should().Contain("Propose threw for trial 5.");
    }

    [Fact]
    public async Task A_monitor_that_throws_stops_the_run_and_cancels_the_trials_still_running()
    {
        using var blocker = new Blocker();

        var result = await NewExperiment()
            .SetMaxTrials(10)
            .SetDegreeOfParallelism(2)
            .AddMonitor(new ThrowsOnFirstCompletion())
            .SetObjective((p, trial, _) =>
            {
                if (trial.TrialId == 1) blocker.BlockIgnoringToken();
                return Loss(p);
            })
            .RunAsync();

        result.StopReason.Should().Be(StopReason.Faulted);
        result.Fault!.Message.Should().Contain(nameof(ThrowsOnFirstCompletion)).And.Contain("OnTrialCompleted");
        result.Trials.Should().HaveCount(2);
        result.Trial(0).Status.Should().Be(TrialStatus.Succeeded);
        result.Trial(1).Status.Should().Be(TrialStatus.Cancelled);
        result.Trial(1).Error.Should().Contain("stopped on an error");
    }

    private sealed class ProposeThrowsAt(int trialId, ITuner inner) : ITuner
    {
        public Parameter Propose(TrialSettings settings) =>
            settings.TrialId == trialId ? throw new NotSupportedException("tuner broke") : inner.Propose(settings);

        public void Update(TrialResult result) => inner.Update(result);
    }

    private sealed class ThrowsOnFirstCompletion : IExperimentMonitor
    {
        public void OnTrialCompleted(TrialResult result) => throw new InvalidOperationException("monitor broke");
    }
}
