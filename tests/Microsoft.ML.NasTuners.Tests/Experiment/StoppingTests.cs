using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>Max trials, the time limit and cancellation stop a run; none of them throws at the caller.</summary>
public class StoppingTests
{
    [Fact]
    public async Task Max_trials_is_respected_exactly_even_with_parallel_trials()
    {
        var tuner = new RecordingTuner(SmallSpace());

        var result = await NewExperiment()
            .SetTuner(tuner)
            .SetDegreeOfParallelism(3)
            .SetMaxTrials(10)
            .SetObjective((p, _, _) => Loss(p))
            .RunAsync();

        result.StopReason.Should().Be(StopReason.MaxTrials);
        result.Trials.Should().HaveCount(10);
        tuner.Proposed.Should().HaveCount(10);
        tuner.Updated.Should().HaveCount(10);
    }

    [Fact]
    public async Task Max_trials_defaults_to_100()
    {
        var result = await NewExperiment().SetObjective((p, _, _) => Loss(p)).RunAsync();

        NasExperiment.DefaultMaxTrials.Should().Be(100);
        result.Trials.Should().HaveCount(100);
    }

    [Fact]
    public async Task The_time_limit_stops_the_run_and_cancels_the_trials_still_running()
    {
        var tuner = new RecordingTuner(SmallSpace());

        var result = await NewExperiment()
            .SetTuner(tuner)
            .SetTimeLimit(0.5)
            .SetMaxTrials(1_000_000)
            .SetObjective(async (p, _, ct) =>
            {
                await Task.Delay(20, ct);
                return Loss(p);
            })
            .RunAsync();

        result.StopReason.Should().Be(StopReason.TimeLimit);
        result.Trials.Count.Should().BeInRange(1, 999_999);
        result.Trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded || t.Status == TrialStatus.Cancelled);
        // The limit may fall between two trials, so there may be no cancelled trial at all.
        foreach (var cancelled in result.Trials.Where(t => t.Status == TrialStatus.Cancelled))
            cancelled.Error.Should().Contain("time limit of 0.5 s");
        tuner.Updated.Should().HaveCount(result.Trials.Count);
        result.Summary.Should().Contain("time limit reached");
    }

    [Fact]
    public async Task The_time_limit_abandons_a_trial_that_ignores_its_token()
    {
        using var blocker = new Blocker();

        var result = await NewExperiment()
            .SetTimeLimit(0.5)
            .SetObjective((_, _, _) =>
            {
                blocker.BlockIgnoringToken();
                return 0;
            })
            .RunAsync();

        result.StopReason.Should().Be(StopReason.TimeLimit);
        result.Trials.Should().ContainSingle().Which.Status.Should().Be(TrialStatus.Cancelled);
        result.Trials[0].Error.Should().Contain("time limit");
        result.HasSucceededTrial.Should().BeFalse();
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_running_trial_and_returns_what_was_done_without_throwing()
    {
        using var cts = new CancellationTokenSource();
        var tuner = new RecordingTuner(SmallSpace());

        var result = await NewExperiment()
            .SetTuner(tuner)
            .SetMaxTrials(50)
            .SetObjective((p, trial, ct) =>
            {
                if (trial.TrialId == 5)
                {
                    cts.Cancel();
                    ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(5));
                    ct.ThrowIfCancellationRequested();
                }
                return Loss(p);
            })
            .RunAsync(cts.Token);

        result.StopReason.Should().Be(StopReason.Cancelled);
        result.Trials.Should().HaveCount(6);
        result.Trials.Take(5).Should().OnlyContain(t => t.Status == TrialStatus.Succeeded);
        result.Trial(5).Status.Should().Be(TrialStatus.Cancelled);
        result.Trial(5).Error.Should().Contain("the run was cancelled");
        tuner.UpdateFor(5).Status.Should().Be(TrialStatus.Cancelled);
        result.HasSucceededTrial.Should().BeTrue();
    }

    [Fact]
    public async Task Cancelling_abandons_parallel_trials_that_ignore_their_token()
    {
        using var cts = new CancellationTokenSource();
        using var blocker = new Blocker();
        using var bothStarted = new CountdownEvent(2);

        var run = NewExperiment()
            .SetDegreeOfParallelism(2)
            .SetObjective((_, _, _) =>
            {
                bothStarted.Signal();
                blocker.BlockIgnoringToken();
                return 0;
            })
            .RunAsync(cts.Token);
        bothStarted.Wait(TimeSpan.FromSeconds(5)).Should().BeTrue();
        cts.Cancel();
        var result = await run;

        result.StopReason.Should().Be(StopReason.Cancelled);
        result.Trials.Should().HaveCount(2).And.OnlyContain(t => t.Status == TrialStatus.Cancelled);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_run_runs_no_trial()
    {
        var tuner = new RecordingTuner(SmallSpace());

        var result = await NewExperiment()
            .SetTuner(tuner)
            .SetObjective((p, _, _) => Loss(p))
            .RunAsync(new CancellationToken(canceled: true));

        result.StopReason.Should().Be(StopReason.Cancelled);
        result.Trials.Should().BeEmpty();
        tuner.Proposed.Should().BeEmpty();
        FluentActions.Invoking(() => result.EnsureSucceeded())
            .Should().Throw<InvalidOperationException>().WithMessage("No trial ran*cancelled*");
    }
}
