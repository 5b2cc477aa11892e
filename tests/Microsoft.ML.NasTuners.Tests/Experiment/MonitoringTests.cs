using Microsoft.Extensions.Logging;
using static Microsoft.ML.NasTuners.Tests.Experiment.ExperimentTestKit;

namespace Microsoft.ML.NasTuners.Tests.Experiment;

/// <summary>Monitors, progress and logging see the run as it happens.</summary>
public class MonitoringTests
{
    private static double ScriptedLoss(TrialSettings trial) => trial.TrialId switch
    {
        0 => throw new InvalidOperationException("boom"),
        1 => 5,
        2 => 7,
        3 => 2,
        _ => 4,
    };

    [Fact]
    public async Task Monitors_hear_each_start_success_failure_and_new_best_in_order()
    {
        var monitor = new RecordingMonitor();
        var second = new RecordingMonitor();

        var result = await NewExperiment()
            .SetMaxTrials(5)
            .AddMonitor(monitor)
            .AddMonitor(second)
            .SetObjective((_, trial, _) => ScriptedLoss(trial))
            .RunAsync();

        monitor.Events.Should().Equal(
            "started 0", "failed 0",
            "started 1", "completed 1", "best 1",
            "started 2", "completed 2",
            "started 3", "completed 3", "best 3",
            "started 4", "completed 4");
        second.Events.Should().Equal(monitor.Events);
        monitor.Failed.Should().ContainSingle().Which.Error.Should().Contain("boom");
        monitor.BestChanges.Last().Should().BeSameAs(result.BestTrial);
    }

    [Fact]
    public async Task Timed_out_and_cancelled_trials_reach_OnTrialFailed()
    {
        var monitor = new RecordingMonitor();
        using var cts = new CancellationTokenSource();

        await NewExperiment()
            .SetMaxTrials(10)
            .SetTrialTimeout(0.2)
            .AddMonitor(monitor)
            .AddMonitor(new CancelWhenStarted(trialId: 1, cts))
            .SetObjective((_, _, ct) =>
            {
                ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(5));
                ct.ThrowIfCancellationRequested();
                return 0;
            })
            .RunAsync(cts.Token);

        monitor.Failed.Select(r => r.Status).Should().Equal(TrialStatus.TimedOut, TrialStatus.Cancelled);
        monitor.Completed.Should().BeEmpty();
    }

    [Fact]
    public async Task Progress_is_reported_after_every_trial_with_counts_and_the_best_loss_so_far()
    {
        var progress = new RecordingProgress();

        var result = await NewExperiment()
            .SetMaxTrials(5)
            .SetTimeLimit(60)
            .SetProgress(progress)
            .SetObjective((_, trial, _) => ScriptedLoss(trial))
            .RunAsync();

        progress.Reports.Select(r => r.TrialsCompleted).Should().Equal(1, 2, 3, 4, 5);
        progress.Reports.Should().OnlyContain(r => r.MaxTrials == 5 && r.TimeLimit == TimeSpan.FromSeconds(60));
        progress.Reports.Select(r => r.BestTrialId).Should().Equal(null, 1, 1, 3, 3);
        progress.Reports[0].BestLoss.Should().Be(double.NaN);
        progress.Reports.Skip(1).Select(r => r.BestLoss).Should().Equal(5, 5, 2, 2);
        progress.Reports.Select(r => r.Elapsed).Should().BeInAscendingOrder();
        progress.Reports.Last().ToString().Should().Contain("5/5 trials").And.Contain("trial 3");
        result.BestLoss.Should().Be(2);
    }

    [Fact]
    public async Task The_logger_hears_failures_as_warnings()
    {
        var logger = new ListLogger();

        await NewExperiment()
            .SetMaxTrials(2)
            .SetLogger(logger)
            .SetObjective((_, trial, _) => ScriptedLoss(trial))
            .RunAsync();

        logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("Trial 0 Failed"));
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Information && e.Message.Contains("Trial 1 Succeeded"));
    }

    private sealed class CancelWhenStarted(int trialId, CancellationTokenSource cts) : IExperimentMonitor
    {
        public void OnTrialStarted(TrialSettings settings)
        {
            if (settings.TrialId == trialId) cts.Cancel();
        }
    }
}
