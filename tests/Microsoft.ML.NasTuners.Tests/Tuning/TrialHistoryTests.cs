namespace Microsoft.ML.NasTuners.Tests.Tuning;

public class TrialHistoryTests
{
    private static TrialSettings Settings(int id, double? budget = null) =>
        new() { TrialId = id, Budget = budget, Parameter = Parameter.FromInt(id) };

    private static TrialResult Result(TrialSettings settings, double loss, TrialStatus status = TrialStatus.Succeeded) =>
        new() { TrialSettings = settings, Loss = loss, Status = status };

    [Fact]
    public void Trials_are_kept_by_id_and_the_next_id_follows_the_largest()
    {
        var history = new TrialHistory();
        history.NextId.Should().Be(0);
        history.Start(Settings(3));
        history.Start(Settings(1));

        history.Trials.Select(t => t.Id).Should().Equal(1, 3);
        history.NextId.Should().Be(4);
        history.Pending.Select(t => t.Id).Should().Equal(1, 3);
    }

    [Fact]
    public void The_incumbent_is_the_lowest_modelled_loss_at_the_highest_budget()
    {
        var history = new TrialHistory();
        history.Add(Settings(0, 9), TrialOrigin.Tuner, Result(Settings(0, 9), 0.1));
        history.Add(Settings(1, 27), TrialOrigin.Tuner, Result(Settings(1, 27), 0.8));
        history.Add(Settings(2, 27), TrialOrigin.Tuner, Result(Settings(2, 27), 0.5));
        history.Add(Settings(3, 27), TrialOrigin.Tuner, Result(Settings(3, 27), double.NaN));
        history.Add(Settings(4, 81), TrialOrigin.Tuner, Result(Settings(4, 81), 0.2, TrialStatus.Failed));

        history.Incumbent!.TrialSettings.TrialId.Should().Be(2, "budget 27 is the highest with a modelled loss, and 0.5 its lowest");
        history.SpentBudget.Should().Be(0);
    }

    [Fact]
    public void An_ended_trial_is_never_overwritten_and_a_running_report_changes_nothing()
    {
        var history = new TrialHistory();
        var settings = Settings(0);
        history.Start(settings);
        history.Finish(new TrialResult { TrialSettings = settings, Status = TrialStatus.Running });
        history.Pending.Should().ContainSingle();

        history.Finish(Result(settings, 1));
        FluentActions.Invoking(() => history.Finish(Result(settings, 2))).Should().Throw<InvalidOperationException>().WithMessage("*already ended*");
        FluentActions.Invoking(() => history.Finish(Result(Settings(7), 2))).Should().Throw<InvalidOperationException>().WithMessage("*7*");
        FluentActions.Invoking(() => history.Start(Settings(0))).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Busy_time_is_the_union_of_the_ended_trials_spans()
    {
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var history = new TrialHistory();
        void Span(int id, int from, int to)
        {
            var s = new TrialSettings { TrialId = id, StartedAtUtc = t0.AddSeconds(from), EndedAtUtc = t0.AddSeconds(to) };
            history.Add(s, TrialOrigin.Tuner, Result(s, 1));
        }
        Span(0, 0, 10);
        Span(1, 5, 12);   // overlaps the first: 0-12
        Span(2, 100, 103); // after a pause: +3
        history.Start(new TrialSettings { TrialId = 3, StartedAtUtc = t0.AddSeconds(200) }); // still running: not counted

        history.BusyTime().Should().Be(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void A_history_that_forgets_ended_trials_still_counts_them()
    {
        var history = new TrialHistory(keepFinished: false);
        for (var id = 0; id < 5; id++)
        {
            var s = Settings(id);
            history.Start(s);
            history.Finish(new TrialResult { TrialSettings = s, Loss = 5 - id, SpentBudget = 2 });
        }
        history.Start(Settings(5));

        history.Count.Should().Be(6);
        history.NextId.Should().Be(6);
        history.SpentBudget.Should().Be(10);
        history.Incumbent!.TrialSettings.TrialId.Should().Be(4);
        history.Trials.Select(t => t.Id).Should().Equal(5);
        history.Finished.Should().BeEmpty();
    }
}
