using System.Text.RegularExpressions;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Postgres.Tests.Workers;

/// <summary>
/// The acceptance of issue 19 with real processes and the real server: <c>nas-tuners worker</c> processes on one
/// study, one of them killed or paused mid-trial.
/// </summary>
[Collection(WorkerProcessCollection.Name)]
public sealed partial class WorkerProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Lazy<TestSchema> _schema = new(PostgresServer.CreateSchema);

    public void Dispose()
    {
        if (_schema.IsValueCreated) _schema.Value.Dispose();
    }

    private string[] Args(string study, int trials, string delay, string tuner = "tpe", string problem = "branin", int workers = 4) =>
    [
        "worker", "--storage", _schema.Value.ConnectionString, "--study", study, "--problem", problem, "--tuner", tuner,
        "--seed", "5", "--workers", workers.ToString(), "--max-trials", trials.ToString(), "--trial-delay-ms", delay,
        "--lease-seconds", "2", "--heartbeat-seconds", "0.25",
    ];

    private List<LoggedTrial> Trials(string study)
    {
        using var store = new PostgresTrialStore(_schema.Value.ConnectionString);
        return store.InTransaction((c, tx) =>
            PostgresTrialStore.ReadTrials(c, tx, PostgresTrialStore.RequireStudyId(c, tx, study), "TRUE"));
    }

    [SkippableFact]
    public void A_quiet_worker_writes_no_line_per_trial_but_still_its_summary()
    {
        PostgresServer.Require();
        using var loud = new WorkerProcesses(Args("loud", 5, "0", tuner: "random", workers: 1));
        var told = loud.Start();
        loud.WaitAll(TimeSpan.FromMinutes(2));
        using var quiet = new WorkerProcesses([.. Args("quiet", 5, "0", tuner: "random", workers: 1), "--quiet"]);
        var silent = quiet.Start();
        quiet.WaitAll(TimeSpan.FromMinutes(2));

        Trials("quiet").Should().HaveCount(5);
        silent.Lines.Should().HaveCount(told.Lines.Count - 10, "the loud worker wrote a line as each of its 5 trials started and ended");
        SummaryLine().IsMatch(string.Join("\n", silent.Lines)).Should().BeTrue();
    }

    [SkippableFact]
    public void Four_workers_one_killed_mid_trial_and_restarted_finish_exactly_200_trials_and_lose_nothing()
    {
        PostgresServer.Require();
        using var workers = new WorkerProcesses(Args("crash", 200, "50-200"));
        var victim = workers.Start();
        for (var i = 0; i < 3; i++) workers.Start();

        // Kill the first worker once it has started its fifth trial: a trial is in flight (each sleeps 50-200 ms). On a
        // loaded machine the line may be read after that trial ended, so the one killed is the last the worker started.
        var started = 0;
        victim.WaitFor(l => StartedLine().IsMatch(l) && ++started == 5, Patience);
        victim.Process.Kill();
        workers.Start(); // the restarted worker
        workers.WaitAll(Patience);
        var victimStarted = victim.Lines.Select(l => StartedLine().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        victimStarted.Length.Should().BeGreaterThanOrEqualTo(5);
        var killed = victimStarted[^1];

        var trials = Trials("crash");
        var problem = BenchmarkProblems.Create("branin");
        trials.Select(t => t.Trial.Id).Should().Equal(Enumerable.Range(0, 201), "numbers are unique and gap-free: 200 trials and the killed one");
        trials.Count(t => t.Trial.Status == TrialStatus.Succeeded).Should().Be(200);
        var failed = trials.Single(t => t.Trial.Status != TrialStatus.Succeeded);
        failed.Trial.Id.Should().Be(killed);
        failed.Trial.Status.Should().Be(TrialStatus.Failed);
        failed.Trial.Error.Should().StartWith("lease expired");
        failed.Superseded.Should().BeTrue();
        var repeat = trials.Single(t => t.RequeueOf is not null);
        repeat.RequeueOf.Should().Be(killed, "the killed trial is re-queued once");
        repeat.Trial.Parameter.ToString().Should().Be(failed.Trial.Parameter.ToString());
        trials.Where(t => t.Trial.Status == TrialStatus.Succeeded).Should().OnlyContain(
            t => t.Trial.Loss == problem.Evaluate(t.Trial.Parameter, null), "every result is the objective's value at its trial's parameter");
        var recorded = workers.Workers.Skip(1).Sum(w => int.Parse(SummaryLine().Match(string.Join("\n", w.Lines)).Groups[1].Value));
        (recorded + victimStarted.Length - 1).Should().Be(200, "the surviving workers' results and the victim's before it died are every success: none lost");
    }

    [SkippableFact]
    public void A_worker_paused_past_its_lease_has_its_trial_re_queued_and_its_late_result_refused()
    {
        PostgresServer.Require();
        using var workers = new WorkerProcesses(Args("pause", 24, "400", tuner: "random", workers: 3));
        var paused = workers.Start();
        workers.Start();
        workers.Start();

        var line = paused.WaitFor(l => StartedLine().IsMatch(l), Patience);
        WorkerProcesses.Stop(paused);
        var trialId = int.Parse(StartedLine().Match(line).Groups[1].Value);
        Thread.Sleep(TimeSpan.FromSeconds(4.5)); // the lease is 2 s: the others fail and re-queue the trial meanwhile
        WorkerProcesses.Continue(paused);
        paused.WaitFor(l => l.Contains($"trial {trialId} ") && (l.Contains("refused") || l.Contains("given up")), Patience);
        workers.WaitAll(Patience);

        var trials = Trials("pause");
        var cut = trials.Single(t => t.Trial.Id == trialId);
        cut.Trial.Status.Should().Be(TrialStatus.Failed, "the late result was refused: the study keeps the lease's failure");
        cut.Trial.Error.Should().StartWith("lease expired");
        trials.Single(t => t.RequeueOf == trialId).Trial.Status.Should().Be(TrialStatus.Succeeded);
        trials.Count(t => t.Trial.Status == TrialStatus.Succeeded).Should().Be(24);
    }

    [GeneratedRegex(@"^trial (\d+) started")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@": (\d+) recorded")]
    private static partial Regex SummaryLine();
}
