using Microsoft.ML.NasTuners.Cli.Worker;
using Microsoft.ML.NasTuners.Postgres;

namespace Microsoft.ML.NasTuners.Cli.Tests.Worker;

public class WorkerProgressLinesTests
{
    private static TrialResult Best(int id, double loss) => new()
    {
        TrialSettings = new TrialSettings { TrialId = id },
        Loss = loss,
        Status = TrialStatus.Succeeded,
    };

    private static StudyWorkerEvent Recorded(int id, StudyStanding standing) =>
        new(StudyWorkerEventKind.Recorded, id, $"trial {id} Succeeded loss 1") { Standing = standing };

    [Fact]
    public void A_recorded_trial_shows_the_studys_trials_running_best_rate_and_time_left()
    {
        var now = TimeSpan.Zero;
        var writer = new StringWriter();
        var lines = new WorkerProgressLines(writer, () => now);

        lines.Report(new StudyWorkerEvent(StudyWorkerEventKind.Started, 10, "trial 10 started")
        {
            Standing = new StudyStanding(11, 2, 100, Best(3, 0.5), TimeSpan.FromSeconds(30), null),
        });
        now = TimeSpan.FromSeconds(10);
        // 9 ended when this worker first looked, 29 now: 20 trials in 10 s, and 71 to go.
        lines.Report(Recorded(10, new StudyStanding(31, 2, 100, Best(12, 0.25), TimeSpan.FromSeconds(40), null)));

        writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "trial 10 started",
            "trial 10 Succeeded loss 1; study: 29/100 trials ended, 2 running, best loss 0.25 (trial 12), 2 trials/s, about 36 s left");
    }

    [Fact]
    public void Without_a_trial_limit_the_time_left_is_the_studys_time_limit_less_its_age()
    {
        var now = TimeSpan.Zero;
        var writer = new StringWriter();
        var lines = new WorkerProgressLines(writer, () => now);
        lines.Report(Recorded(0, new StudyStanding(2, 1, null, null, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2))));
        now = TimeSpan.FromSeconds(60);
        lines.Report(Recorded(1, new StudyStanding(3, 1, null, Best(1, -2), TimeSpan.FromSeconds(65), TimeSpan.FromMinutes(2))));

        writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "trial 0 Succeeded loss 1; study: 1 trials ended, 1 running, no success yet",
            "trial 1 Succeeded loss 1; study: 2 trials ended, 1 running, best loss -2 (trial 1), 1 trials/min, about 55 s left");
    }

    [Fact]
    public void Events_without_a_standing_are_their_message_alone()
    {
        var writer = new StringWriter();
        new WorkerProgressLines(writer).Report(new StudyWorkerEvent(StudyWorkerEventKind.Expired, 4, "trial 4 failed: its lease ran out"));
        writer.ToString().Should().Be("trial 4 failed: its lease ran out" + Environment.NewLine);
    }
}
