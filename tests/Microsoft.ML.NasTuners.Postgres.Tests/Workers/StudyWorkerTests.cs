using Microsoft.ML.NasTuners.Storage;
using Microsoft.ML.NasTuners.Tuners;
using NasSpace = Microsoft.ML.NasTuners.SearchSpace;

namespace Microsoft.ML.NasTuners.Postgres.Tests.Workers;

/// <summary>Workers of one study in one process (each with its own store, as separate processes would have): numbering,
/// pending trials shared through the replay, leases and the re-queue policy, limits.</summary>
public sealed class StudyWorkerTests : IDisposable
{
    private static readonly NasSpace Space = new()
    {
        ["x"] = new UniformDoubleOption(0, 1),
        ["y"] = new UniformDoubleOption(0, 1),
    };

    private readonly Lazy<TestSchema> _schema = new(PostgresServer.CreateSchema);
    private readonly List<IDisposable> _opened = [];

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(_opened)) item.Dispose();
        if (_schema.IsValueCreated) _schema.Value.Dispose();
    }

    private PostgresTrialStore Store()
    {
        var store = new PostgresTrialStore(_schema.Value.ConnectionString);
        _opened.Add(store);
        return store;
    }

    private StudyWorker Worker(StudyWorkerOptions? options = null, string study = "s") =>
        StudyWorker.Open(Store(), study, Space, (s, seed) => new TpeTuner(s, null, seed), seed: 3, options);

    private static double Loss(Parameter p) => Math.Pow(p["x"].AsType<double>() - 0.3, 2) + Math.Pow(p["y"].AsType<double>() - 0.6, 2);

    [SkippableFact]
    public void Each_workers_tuner_has_the_others_running_trials_pending_as_one_process_would()
    {
        PostgresServer.Require();
        var first = Worker();
        var second = Worker();

        // Trials 0..5 asked alternately, none told yet: each proposal is made with every earlier one pending.
        var leases = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).Ask()!).ToList();
        first.Tell(leases[0], Loss(leases[0].Settings.Parameter)).Should().BeTrue();
        var afterResult = second.Ask()!;

        var alone = new TpeTuner(Space, null, 3);
        var expected = Enumerable.Range(0, 6).Select(i => alone.Propose(new TrialSettings { TrialId = i })).ToList();
        alone.Update(new TrialResult
        {
            TrialSettings = new TrialSettings { TrialId = 0, Parameter = expected[0] },
            Loss = Loss(expected[0]),
            Status = TrialStatus.Succeeded,
        });
        var expectedNext = alone.Propose(new TrialSettings { TrialId = 6 });

        leases.Select(l => l.TrialId).Should().Equal(0, 1, 2, 3, 4, 5);
        leases.Select(l => l.Settings.Parameter.ToString()).Should().Equal(expected.Select(p => p.ToString()));
        afterResult.Settings.Parameter.ToString().Should().Be(expectedNext.ToString(), "the result told by the first worker reached the second one's tuner");
        foreach (var lease in leases.Skip(1).Append(afterResult)) lease.Dispose();
    }

    [SkippableFact]
    public void Workers_together_stop_at_the_trial_limit_with_gap_free_numbers()
    {
        PostgresServer.Require();
        var workers = Enumerable.Range(0, 3).Select(_ => Worker(new StudyWorkerOptions { MaxTrials = 30 })).ToList();

        var summaries = workers.Select(w => Task.Run(() => w.RunAsync((t, _) => Task.FromResult(Loss(t.Parameter))))).ToArray();
        Task.WaitAll(summaries, TimeSpan.FromMinutes(1)).Should().BeTrue();

        var trials = Store().GetTrials("s");
        trials.Select(t => t.Id).Should().Equal(Enumerable.Range(0, 30));
        trials.Should().OnlyContain(t => t.Status == TrialStatus.Succeeded);
        summaries.Sum(s => s.Result.Recorded).Should().Be(30);
    }

    [SkippableFact]
    public void Each_recorded_event_says_where_the_whole_study_stands()
    {
        PostgresServer.Require();
        var events = new List<StudyWorkerEvent>();
        var progress = new Collecting(events);
        var first = Worker(new StudyWorkerOptions { MaxTrials = 12, Progress = progress });
        var second = Worker(new StudyWorkerOptions { MaxTrials = 12 });

        // The second worker records four trials first: the first one's standing must count them and know their best.
        for (var i = 0; i < 4; i++)
        {
            var lease = second.Ask()!;
            second.Tell(lease, Loss(lease.Settings.Parameter));
        }
        first.RunAsync((t, _) => Task.FromResult(Loss(t.Parameter))).Wait(TimeSpan.FromMinutes(1)).Should().BeTrue();

        var trials = Store().GetTrials("s");
        var recorded = events.Where(e => e.Kind == StudyWorkerEventKind.Recorded).ToList();
        recorded.Should().HaveCount(8);
        recorded.Should().OnlyContain(e => e.Standing != null && e.Standing.MaxTrials == 12);
        recorded[0].Standing!.Ended.Should().BeGreaterThanOrEqualTo(5, "the other worker's four and this one's first had ended");
        recorded.Select(e => e.Standing!.Ended).Should().BeInAscendingOrder();
        var best = trials.MinBy(t => t.Loss)!;
        recorded[^1].Standing!.Best!.TrialSettings.TrialId.Should().Be(best.Id);
        recorded[^1].Standing!.Best!.Loss.Should().Be(best.Loss);
        events.Where(e => e.Kind == StudyWorkerEventKind.Started).Should().OnlyContain(e => e.Standing!.Running >= 1);
    }

    private sealed class Collecting(List<StudyWorkerEvent> events) : IProgress<StudyWorkerEvent>
    {
        public void Report(StudyWorkerEvent value) => events.Add(value);
    }

    [SkippableFact]
    public void A_trial_whose_heartbeat_stops_is_failed_re_queued_once_and_its_late_result_refused()
    {
        PostgresServer.Require();
        var lease = TimeSpan.FromMilliseconds(600);
        var options = new StudyWorkerOptions { LeaseDuration = lease, HeartbeatInterval = TimeSpan.FromMilliseconds(100), MaxTrials = 3 };
        var silent = Worker(options);
        var other = Worker(options);

        var lost = silent.Ask()!;
        lost.Dispose(); // its heartbeats stop, as when the process is paused or cut off
        Thread.Sleep(lease * 2);
        var repeat = other.Ask()!;
        repeat.Dispose(); // and the repeat's heartbeats stop too
        Thread.Sleep(lease * 2);
        var fresh = other.Ask()!;

        repeat.RequeueOf.Should().Be(0);
        repeat.Settings.Parameter.ToString().Should().Be(lost.Settings.Parameter.ToString());
        fresh.RequeueOf.Should().BeNull("a trial is re-queued once: the repeat's own expiry is not repeated again");
        silent.Tell(lost, 0.5).Should().BeFalse("a result after the lease ran out is refused");
        other.Tell(fresh, 0.25).Should().BeTrue();
        var trials = Store().GetTrials("s");
        trials.Select(t => (t.Id, t.Status)).Should().Equal((0, TrialStatus.Failed), (1, TrialStatus.Failed), (2, TrialStatus.Succeeded));
        trials[0].Error.Should().StartWith("lease expired").And.Contain("re-queued as a new trial");
        trials[1].Error.Should().Contain("not re-queued again (it repeats trial 0)");
        var last = other.Ask();
        last.Should().NotBeNull("the trial limit of 3 counts the re-queued trial once, by its repeat: 0 is superseded, 1 and 2 count");
        other.Tell(last!, 0.1).Should().BeTrue();
        other.Ask().Should().BeNull("three trials count now");
    }

    [SkippableFact]
    public void Heartbeats_keep_a_long_trial_leased_from_ask_to_tell()
    {
        PostgresServer.Require();
        var options = new StudyWorkerOptions { LeaseDuration = TimeSpan.FromMilliseconds(500), HeartbeatInterval = TimeSpan.FromMilliseconds(100) };
        var busy = Worker(options);
        var other = Worker(options);

        var lease = busy.Ask()!;
        Thread.Sleep(1500); // three leases long
        var next = other.Ask()!;

        next.RequeueOf.Should().BeNull("the running trial kept its lease");
        busy.Tell(lease, 1.0).Should().BeTrue();
        lease.IsLost.Should().BeFalse();
        next.Dispose();
    }

    [SkippableFact]
    public void The_budget_and_time_limits_hold_across_workers()
    {
        PostgresServer.Require();
        var budgeted = new StudyWorkerOptions { BudgetLimit = 3, Budget = new BudgetRange(1, 1) };
        var a = StudyWorker.Open(Store(), "b", Space, (s, seed) => new RandomSearchTuner(s, seed), 1, budgeted);
        var b = StudyWorker.Open(Store(), "b", Space, (s, seed) => new RandomSearchTuner(s, seed), 1, budgeted);
        var running = new[] { a.Ask()!, b.Ask()!, a.Ask()! };
        foreach (var l in running) (l == running[1] ? b : a).Tell(l, 1).Should().BeTrue();
        a.Ask().Should().BeNull("three trials of budget 1 used the budget limit of 3");

        var timed = StudyWorker.Open(Store(), "t", Space, (s, seed) => new RandomSearchTuner(s, seed), 1,
            new StudyWorkerOptions { TimeLimit = TimeSpan.Zero });
        timed.Ask().Should().BeNull("no trial starts after the time limit");
    }

    [SkippableFact]
    public void A_worker_with_other_limits_than_the_study_is_refused()
    {
        PostgresServer.Require();
        Worker(new StudyWorkerOptions { MaxTrials = 10 });

        FluentActions.Invoking(() => Worker(new StudyWorkerOptions { MaxTrials = 20 }))
            .Should().Throw<InvalidOperationException>().WithMessage("*limits.max_trials = '10'*'20'*");
        Worker().MaxTrials.Should().Be(10, "a worker that gives no limit takes the study's");
    }
}
