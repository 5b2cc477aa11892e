using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class RunStatisticsTests
{
    public static TheoryData<string, BenchmarkPlan> Plans => new()
    {
        {
            "trials, 2 workers",
            new BenchmarkPlan { Problems = ["branin", "mixed3", "hartmann3"], Tuners = ["random", "tpe"], Seeds = [1, 2, 3], Trials = 40, Parallel = 2 }
        },
        {
            // 30 full budgets: the checkpoints at 10 and 25 are reached, 50 and 100 are not.
            "mf_hartmann6, --budget-limit 30",
            new BenchmarkPlan { Problems = ["mf_hartmann6"], Tuners = ["random", "hyperband", "bohb"], Seeds = [1, 2, 3], Trials = int.MaxValue, BudgetLimit = 30 }
        },
        {
            "mf_hartmann6 and branin, --budget-limit 12, 3 workers",
            new BenchmarkPlan { Problems = ["mf_hartmann6", "branin"], Tuners = ["random", "hyperband"], Seeds = [4, 5], Trials = int.MaxValue, BudgetLimit = 12, Parallel = 3 }
        },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Streaming_statistics_summarise_and_rank_exactly_as_the_records_do(string name, BenchmarkPlan plan)
    {
        var runner = new BenchmarkRunner();
        var budgets = FullBudgets.Of(plan);
        var statistics = new RunStatisticsCollector(p => budgets[p]);
        var recorder = new RecordingObserver(statistics);

        runner.Run(plan, runner.Runs(plan), recorder);

        statistics.Unfinished.Should().BeEmpty(name);
        statistics.Finished.Should().HaveCount(runner.Runs(plan).Count);
        var expected = BenchmarkStatistics.Summarize(recorder.Records, p => budgets[p]);
        var streamed = BenchmarkStatistics.Summarize(statistics.Finished);
        SummaryText.Of(streamed).Should().Equal(SummaryText.Of(expected), name);
        BenchmarkRanking.Rank(statistics.Finished).Should().Equal(BenchmarkRanking.Rank(recorder.Records), name);
        if (plan.BudgetLimit == 30)
        {
            expected.Should().OnlyContain(s => !double.IsNaN(s.MedianRegretAt[25]) && double.IsNaN(s.MedianRegretAt[50]), "the checkpoints past the limit are not reached");
        }
    }

    [Fact]
    public void Failed_trials_and_runs_without_success_summarise_as_their_records_do()
    {
        // Seed 1 fails every third trial; seed 2 fails all of them, so it has no regret at all.
        var runs = new[] { (Seed: 1, Fails: (Func<int, bool>)(i => i % 3 == 0)), (Seed: 2, Fails: _ => true) }
            .Select(r =>
            {
                var problem = new FlakyProblem(r.Fails);
                return BenchmarkRunner.RunOne(problem, "random", new Tuners.RandomSearchTuner(problem.SearchSpace, r.Seed), r.Seed, trials: 30);
            })
            .ToArray();
        var statistics = runs.Select(records =>
        {
            var accumulator = new RunStatisticsAccumulator(BenchmarkRunId.Of(records[0]), fullBudget: 1);
            foreach (var record in records) accumulator.Add(record);
            return accumulator.ToStatistics();
        }).ToArray();

        statistics[1].FinalRegret.Should().BeNull();
        statistics[1].RegretAtCheckpoints.Should().Equal(double.PositiveInfinity, double.PositiveInfinity, null, null);
        var summary = BenchmarkStatistics.Summarize(statistics).Single();
        summary.FailedTrials.Should().Be(10 + 30);
        SummaryText.Of([summary]).Should().Equal(SummaryText.Of(BenchmarkStatistics.Summarize(runs.SelectMany(r => r), _ => 1)));
    }

    [Fact]
    public void Statistics_of_a_run_twice_or_of_trials_out_of_order_are_refused()
    {
        var records = BenchmarkRunner.RunOne(new BraninProblem(), "random", new Tuners.RandomSearchTuner(new BraninProblem().SearchSpace, 1), 1, trials: 5);
        var run = BenchmarkRunId.Of(records[0]);
        var whole = new RunStatisticsAccumulator(run, 1);
        foreach (var record in records) whole.Add(record);
        var shuffled = new RunStatisticsAccumulator(run, 1);
        foreach (var record in records.Reverse()) shuffled.Add(record);

        shuffled.ToStatistics().TrialsAreConsecutive.Should().BeFalse();
        FluentActions.Invoking(() => BenchmarkStatistics.Summarize([whole.ToStatistics(), whole.ToStatistics()])).Should().Throw<ArgumentException>().WithMessage("*appears twice*");
        FluentActions.Invoking(() => BenchmarkRanking.Rank([shuffled.ToStatistics()])).Should().Throw<ArgumentException>().WithMessage("*not numbered 0, 1, 2*");
        FluentActions.Invoking(() => new RunStatisticsAccumulator(run with { Seed = 2 }, 1).Add(records[0])).Should().Throw<ArgumentException>().WithMessage("*belongs to branin / random / seed 1*");
    }
}
