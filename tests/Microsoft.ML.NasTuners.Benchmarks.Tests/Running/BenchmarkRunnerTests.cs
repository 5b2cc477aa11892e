using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class BenchmarkRunnerTests
{
    private static IEnumerable<TrialRecord> WithoutTimings(IEnumerable<TrialRecord> records) =>
        records.Select(r => r with { ProposeMs = 0, EvalMs = 0 });

    private static IReadOnlyList<TrialRecord> RunRandom(string problemName, int seed, int trials, int parallel = 1)
    {
        var problem = BenchmarkProblems.Create(problemName);
        return BenchmarkRunner.RunOne(problem, "random", new RandomSearchTuner(problem.SearchSpace, seed), seed, trials, parallel);
    }

    [Theory]
    [InlineData("branin", 1)]
    [InlineData("mixed3", 1)]
    [InlineData("mf_hartmann6", 4)]
    public void Same_problem_tuner_and_seed_give_identical_records(string problem, int parallel)
    {
        var first = RunRandom(problem, seed: 7, trials: 50, parallel);
        var second = RunRandom(problem, seed: 7, trials: 50, parallel);
        WithoutTimings(first).Should().Equal(WithoutTimings(second));
        WithoutTimings(RunRandom(problem, seed: 8, trials: 50, parallel)).Should().NotEqual(WithoutTimings(first));
    }

    [Fact]
    public void Records_hold_the_required_fields()
    {
        var records = RunRandom("branin", seed: 3, trials: 30);
        records.Select(r => r.Trial).Should().Equal(Enumerable.Range(0, 30));
        records.Should().OnlyContain(r => r.Problem == "branin" && r.Tuner == "random" && r.Seed == 3 && r.Budget == null
                                          && r.Status == TrialStatus.Succeeded && r.Loss != null && r.Parameter != null
                                          && r.ProposeMs >= 0 && r.EvalMs >= 0 && r.Error == null);
        var best = double.PositiveInfinity;
        foreach (var r in records)
        {
            best = Math.Min(best, r.Loss!.Value);
            r.Best.Should().Be(best);
            r.Regret.Should().Be(best - new BraninProblem().OptimalValue);
        }
    }

    [Fact]
    public void Seeds_run_in_parallel_give_the_same_records_as_serial()
    {
        var plan = new BenchmarkPlan
        {
            Problems = ["mixed3", "branin", "mf_hartmann6"],
            Tuners = ["random"],
            Seeds = [5, 1, 2, 3, 4, 6],
            Trials = 25,
            Parallel = 2,
        };
        var runner = new BenchmarkRunner();
        var serial = runner.Run(plan with { MaxDegreeOfParallelism = 1 });
        var parallel = runner.Run(plan with { MaxDegreeOfParallelism = 4 });

        serial.Should().HaveCount(3 * 6 * 25);
        WithoutTimings(parallel).Should().Equal(WithoutTimings(serial));
        serial.Select(r => (r.Problem, r.Seed, r.Trial)).Should().BeInAscendingOrder(Comparer<(string, int, int)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var c and not 0 ? c : a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : a.Item3.CompareTo(b.Item3)));
        serial.First().Problem.Should().Be("branin");
        // Each run in the batch equals the same run on its own.
        WithoutTimings(serial.Where(r => r.Problem == "mixed3" && r.Seed == 4))
            .Should().Equal(WithoutTimings(RunRandom("mixed3", seed: 4, trials: 25, parallel: 2)));
    }

    [Fact]
    public void Regret_is_never_negative_and_best_never_worsens()
    {
        var records = new BenchmarkRunner().Run(new BenchmarkPlan
        {
            // Every problem this machine has the data for (the repository ships all of it).
            Problems = BenchmarkProblems.Names.Where(n => BenchmarkProblems.MissingData(n) is null).ToArray(),
            Tuners = ["random"],
            Seeds = [1, 2],
            Trials = 200,
        });
        records.Should().OnlyContain(r => r.Regret >= 0);
        foreach (var run in records.GroupBy(r => (r.Problem, r.Seed)))
        {
            var problem = BenchmarkProblems.Create(run.Key.Problem);
            // Random search runs every trial at the full budget, so its incumbent only improves; on a noisy problem
            // the incumbent is chosen by its noisy loss, and its noiseless value (the best) may worsen (NoisyProblemTests
            // check which value it is).
            if (problem is not NoisyProblem) run.Select(r => r.Best!.Value).Should().BeInDescendingOrder();
            run.Should().OnlyContain(r => r.Regret == (r.Best - problem.OptimalValue) / problem.RegretScale);
            (problem as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void Parallel_four_keeps_four_trials_pending_and_completes_the_oldest_first()
    {
        var problem = new BraninProblem();
        var tuner = new CountingTuner(problem.SearchSpace, seed: 1);
        var records = BenchmarkRunner.RunOne(problem, "counting", tuner, seed: 1, trials: 20, parallel: 4);

        tuner.ProposedBeforeFirstUpdate.Should().Be(4);
        tuner.Proposed.Should().Be(20);
        // Four pending at every update until the proposals run out, then 3, 2, 1.
        tuner.PendingAtUpdate.Should().Equal([.. Enumerable.Repeat(4, 17), 3, 2, 1]);
        tuner.Results.Select(r => r.TrialSettings.TrialId).Should().Equal(Enumerable.Range(0, 20));
        records.Select(r => r.Trial).Should().Equal(Enumerable.Range(0, 20));
    }

    [Fact]
    public void Parallel_one_updates_before_every_new_proposal()
    {
        var problem = new BraninProblem();
        var tuner = new CountingTuner(problem.SearchSpace, seed: 1);
        BenchmarkRunner.RunOne(problem, "counting", tuner, seed: 1, trials: 10);
        tuner.PendingAtUpdate.Should().OnlyContain(p => p == 1);
    }

    [Fact]
    public void Failed_trials_are_recorded_and_the_tuner_is_told()
    {
        // Trials 0, 1 and every fifth fail.
        var problem = new FlakyProblem(call => call < 2 || call % 5 == 0);
        var tuner = new CountingTuner(problem.SearchSpace, seed: 2);
        var records = BenchmarkRunner.RunOne(problem, "counting", tuner, seed: 2, trials: 20);

        var failed = records.Where(r => r.Status == TrialStatus.Failed).ToArray();
        failed.Select(r => r.Trial).Should().Equal(0, 1, 5, 10, 15);
        failed.Should().OnlyContain(r => r.Loss == null && r.Error!.Contains("simulated crash"));
        records[0].Best.Should().BeNull();
        records[1].Regret.Should().BeNull();
        records[2].Best.Should().Be(records[2].Loss);
        records[5].Best.Should().Be(records[4].Best, "a failure does not change the best");

        tuner.Results.Should().HaveCount(20);
        tuner.Results.Where(r => r.Status == TrialStatus.Failed).Select(r => r.TrialSettings.TrialId).Should().Equal(0, 1, 5, 10, 15);
        tuner.Results.Where(r => r.Status == TrialStatus.Failed).Should().OnlyContain(r => double.IsNaN(r.Loss) && r.Error!.Contains("simulated crash"));
    }

    [Fact]
    public void The_incumbent_comes_from_the_highest_budget_reached_and_is_scored_at_full_fidelity()
    {
        var problem = new MultiFidelityHartmann6Problem();
        var tuner = new CountingTuner(problem.SearchSpace, seed: 4) { Budget = s => s.TrialId % 2 == 0 ? 1 : null };
        var records = BenchmarkRunner.RunOne(problem, "counting", tuner, seed: 4, trials: 40);

        records.Where(r => r.Trial % 2 == 0).Should().OnlyContain(r => r.Budget == 1);
        records.Where(r => r.Trial % 2 == 1).Should().OnlyContain(r => r.Budget == 81);
        // Trial 0 ran at budget 1 only: it is the incumbent, scored by its loss at the full budget.
        records[0].Best.Should().Be(problem.Evaluate(records[0].Parameter!, 81));
        records[0].Best.Should().NotBe(records[0].Loss);
        records.Last().Best.Should().Be(records.Where(r => r.Budget == 81).Min(r => r.Loss));
        records.Should().OnlyContain(r => r.Regret == null || r.Regret >= 0);
    }

    [Fact]
    public void A_tuner_that_throws_stops_the_run_with_a_message_naming_it()
    {
        var problem = new BraninProblem();
        FluentActions.Invoking(() => BenchmarkRunner.RunOne(problem, "broken", new ThrowingTuner(), seed: 1, trials: 3))
            .Should().Throw<InvalidOperationException>().WithMessage("*'broken'*branin*seed 1*no ideas*");
    }

    [Fact]
    public void Plans_naming_unknown_things_are_rejected()
    {
        var runner = new BenchmarkRunner();
        var plan = new BenchmarkPlan { Problems = ["branin"], Tuners = ["random"], Seeds = [1], Trials = 5 };
        runner.Invoking(r => r.Run(plan with { Problems = ["nope"] })).Should().Throw<ArgumentException>().WithMessage("*'nope'*branin*");
        runner.Invoking(r => r.Run(plan with { Tuners = ["sobol?"] })).Should().Throw<ArgumentException>().WithMessage("*'sobol?'*random*");
        runner.Invoking(r => r.Run(plan with { Trials = 0 })).Should().Throw<ArgumentOutOfRangeException>();
        runner.Invoking(r => r.Run(plan with { Parallel = 0 })).Should().Throw<ArgumentOutOfRangeException>();
        runner.Invoking(r => r.Run(plan with { Seeds = [1, 1] })).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Progress_counts_every_trial_and_run_and_only_grows()
    {
        var reports = new List<BenchmarkProgress>();
        var progress = new SynchronousProgress(reports.Add);
        new BenchmarkRunner().Run(new BenchmarkPlan { Problems = ["branin", "mixed3"], Tuners = ["random"], Seeds = [1, 2, 3], Trials = 10 }, progress);

        reports.Should().HaveCount(60 + 6);
        reports.Last().Should().Be(new BenchmarkProgress(60, 60, 6, 6));
        reports.Select(r => r.CompletedTrials).Should().BeInAscendingOrder();
        reports.Select(r => r.CompletedRuns).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Each_trial_report_says_which_run_it_follows_and_that_run_s_best_regret_so_far()
    {
        var reports = new List<BenchmarkProgress>();
        var records = new BenchmarkRunner().Run(new BenchmarkPlan { Problems = ["branin"], Tuners = ["random"], Seeds = [1], Trials = 10 },
            new SynchronousProgress(reports.Add));

        var standings = reports.Where(r => r.Latest is not null).Select(r => r.Latest!.Value).ToList();
        standings.Should().HaveCount(10).And.OnlyContain(s => s.Run == new BenchmarkRunId("branin", "random", 1));
        standings.Select(s => s.Trials).Should().Equal(Enumerable.Range(1, 10));
        standings.Select(s => s.Regret).Should().Equal(records.Select(r => r.Regret));
        standings.Select(s => s.Regret!.Value).Should().BeInDescendingOrder("the incumbent only improves");
    }

    [Fact]
    public void Custom_registries_run_custom_tuners()
    {
        var registry = new TunerRegistry().Add("counting", "test", (space, seed, _, _) => new CountingTuner(space, seed));
        var records = new BenchmarkRunner(registry).Run(new BenchmarkPlan { Problems = ["branin"], Tuners = ["counting"], Seeds = [1], Trials = 5 });
        records.Should().HaveCount(5).And.OnlyContain(r => r.Tuner == "counting");
    }

    private sealed class SynchronousProgress(Action<BenchmarkProgress> report) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value) => report(value);
    }
    [Fact]
    public void A_tuner_restricted_to_some_problems_is_skipped_on_the_others_and_said_so()
    {
        var registry = BenchmarkTuners.CreateRegistry()
            .Add("hartmann-only", "random search that only runs on hartmann3", (s, seed, _, _) => new RandomSearchTuner(s, seed),
                problem => problem.Name == "hartmann3", "the Hartmann-3 problem");
        var runner = new BenchmarkRunner(registry);
        var plan = new BenchmarkPlan { Problems = ["branin", "hartmann3"], Tuners = ["random", "hartmann-only"], Seeds = [1, 2], Trials = 3 };

        runner.Skipped(plan).Should().Equal(("branin", "hartmann-only", "the Hartmann-3 problem"));
        var pairs = runner.Run(plan).Select(r => (r.Problem, r.Tuner)).Distinct().ToList();

        pairs.Should().BeEquivalentTo([("branin", "random"), ("hartmann3", "random"), ("hartmann3", "hartmann-only")]);
    }

    [Fact]
    public void A_tuner_that_can_search_none_of_the_named_problems_is_an_error_naming_what_it_needs()
    {
        var runner = new BenchmarkRunner();
        var plan = new BenchmarkPlan { Problems = ["branin", "hartmann6"], Tuners = ["random", "wl-gp"], Seeds = [1], Trials = 3 };

        runner.Invoking(r => r.Run(plan)).Should().Throw<ArgumentException>().WithMessage("*'wl-gp'*architecture*branin, hartmann6*");
    }
}
