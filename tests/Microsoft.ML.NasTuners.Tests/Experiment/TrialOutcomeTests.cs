using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>How a trial's end becomes its status, and that every end reaches the tuner and the run goes on.</summary>
public class TrialOutcomeTests
{
    // Timeouts of 0.5 s against objectives that block 5 s: wide margins both ways, even on a loaded machine.
    [Fact]
    public async Task Failing_NaN_infinite_and_timed_out_trials_are_recorded_the_tuner_is_told_and_the_run_goes_on()
    {
        var space = SmallSpace();
        var tuner = new RecordingTuner(space);
        using var blocker = new Blocker();

        var result = await NewExperiment()
            .SetTuner(tuner)
            .SetTrialTimeout(0.5)
            .SetMaxTrials(9)
            .SetObjective((p, trial, ct) =>
            {
                switch (trial.TrialId)
                {
                    case 0: throw new InvalidOperationException("boom in trial 0");
                    case 1: return double.NaN;
                    case 2: return double.PositiveInfinity;
                    case 3: return double.NegativeInfinity;
                    case 4: // ignores its token
                        blocker.BlockIgnoringToken();
                        return 0;
                    case 5: // honours its token
                        ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(5));
                        ct.ThrowIfCancellationRequested();
                        return 0;
                    default: return Loss(p);
                }
            })
            .RunAsync();

        result.Trials.Should().HaveCount(9);
        result.StopReason.Should().Be(StopReason.MaxTrials);

        result.Trial(0).Status.Should().Be(TrialStatus.Failed);
        result.Trial(0).Error.Should().Contain("InvalidOperationException").And.Contain("boom in trial 0");
        result.Trial(1).Status.Should().Be(TrialStatus.Failed);
        result.Trial(1).Error.Should().Be("loss was NaN");
        result.Trial(2).Status.Should().Be(TrialStatus.Failed);
        result.Trial(2).Error.Should().Be("loss was +Infinity");
        result.Trial(3).Status.Should().Be(TrialStatus.Failed);
        result.Trial(3).Error.Should().Be("loss was -Infinity");
        result.Trial(4).Status.Should().Be(TrialStatus.TimedOut);
        result.Trial(4).Error.Should().Contain("timeout of 0.5 s").And.Contain("abandoned");
        result.Trial(5).Status.Should().Be(TrialStatus.TimedOut);
        result.Trial(5).Error.Should().Contain("timeout of 0.5 s");
        Enumerable.Range(6, 3).Should().AllSatisfy(id => result.Trial(id).Status.Should().Be(TrialStatus.Succeeded));

        tuner.Updated.Select(r => r.TrialSettings.TrialId).Should().BeEquivalentTo(Enumerable.Range(0, 9));
        Enumerable.Range(0, 9).Should().AllSatisfy(id => tuner.UpdateFor(id).Status.Should().Be(result.Trial(id).Status));
        result.BestTrial!.TrialSettings.TrialId.Should().BeInRange(6, 8, "only succeeded, finite losses can be best");
    }

    [Fact]
    public async Task A_NaN_or_infinite_loss_never_becomes_the_best_even_when_it_is_the_smallest()
    {
        var result = await NewExperiment()
            .SetMaxTrials(3)
            .SetObjective((_, trial, _) => trial.TrialId switch { 0 => 5.0, 1 => double.NegativeInfinity, _ => double.NaN })
            .RunAsync();

        result.BestTrial!.TrialSettings.TrialId.Should().Be(0);
        result.BestLoss.Should().Be(5.0);
    }

    [Fact]
    public async Task An_async_objective_that_throws_fails_and_one_that_honours_its_token_times_out()
    {
        // A timeout with room to spare: on a loaded machine a thread-pool thread can take a second to run trial 0.
        var result = await NewExperiment()
            .SetTrialTimeout(3)
            .SetMaxTrials(3)
            .SetObjective(async (p, trial, ct) =>
            {
                await Task.Yield();
                if (trial.TrialId == 0) throw new ArgumentException("async boom");
                if (trial.TrialId == 1) await Task.Delay(TimeSpan.FromSeconds(60), ct);
                return Loss(p);
            })
            .RunAsync();

        result.Trial(0).Status.Should().Be(TrialStatus.Failed);
        result.Trial(0).Error.Should().Contain("async boom");
        result.Trial(1).Status.Should().Be(TrialStatus.TimedOut);
        result.Trial(2).Status.Should().Be(TrialStatus.Succeeded);
    }

    [Fact]
    public async Task A_trial_runner_may_report_a_metric_and_a_pruned_status_and_the_loop_owns_settings_and_duration()
    {
        var result = await NewExperiment()
            .SetMaxTrials(3)
            .SetTrialRunner(new ScriptedRunner())
            .RunAsync();

        result.Trial(0).Status.Should().Be(TrialStatus.Succeeded);
        result.Trial(0).Loss.Should().Be(0.25);
        result.Trial(0).Metric.Should().Be(0.75);
        result.Trial(0).TrialSettings.TrialId.Should().Be(0, "the loop keeps its own settings, not the runner's");
        result.Trial(0).DurationInMilliseconds.Should().BeGreaterThanOrEqualTo(0);
        result.Trial(1).Status.Should().Be(TrialStatus.Pruned);
        result.Trial(2).Status.Should().Be(TrialStatus.Failed);
        result.Trial(2).Error.Should().Contain("null");
        result.Summary.Should().Contain("metric 0.75");
    }

    private sealed class ScriptedRunner : ITrialRunner
    {
        public Task<TrialResult> RunAsync(TrialSettings settings, CancellationToken ct) => Task.FromResult(settings.TrialId switch
        {
            0 => new TrialResult { TrialSettings = new TrialSettings { TrialId = 99 }, Loss = 0.25, Metric = 0.75, DurationInMilliseconds = -1 },
            1 => new TrialResult { TrialSettings = settings, Loss = 0.5, Status = TrialStatus.Pruned },
            _ => null!,
        });
    }
}
