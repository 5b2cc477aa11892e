using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class RunCompletenessTests
{
    // The statistics after each record of one real run of the plan's first run: every prefix a kill could leave.
    private static IReadOnlyList<RunStatistics> Prefixes(BenchmarkPlan plan)
    {
        var runner = new BenchmarkRunner();
        var run = runner.Runs(plan)[0];
        var records = runner.Run(plan with { Seeds = [run.Seed], Tuners = [run.Tuner], Problems = [run.Problem] });
        var accumulator = new RunStatisticsAccumulator(run, FullBudgets.Of(plan)[run.Problem]);
        var prefixes = new List<RunStatistics>();
        foreach (var record in records)
        {
            accumulator.Add(record);
            prefixes.Add(accumulator.ToStatistics());
        }
        return prefixes;
    }

    [Theory]
    [InlineData("branin", "tpe", 1)]
    [InlineData("mf_hartmann6", "hyperband", 3)]
    public void A_run_of_a_trial_count_is_complete_with_all_its_trials_and_not_before(string problem, string tuner, int parallel)
    {
        var plan = new BenchmarkPlan { Problems = [problem], Tuners = [tuner], Seeds = [3], Trials = 25, Parallel = parallel };
        var prefixes = Prefixes(plan);

        prefixes.Should().HaveCount(25);
        prefixes.Select(p => RunCompleteness.IsProvablyComplete(p, plan)).Should().Equal([.. Enumerable.Repeat(false, 24), true]);
    }

    [Theory]
    [InlineData("hyperband", 5.0)]
    [InlineData("bohb", 12.0)]
    [InlineData("random", 7.5)]
    public void A_budget_limited_run_with_one_worker_is_complete_once_it_spent_the_limit_and_not_before(string tuner, double limit)
    {
        var plan = new BenchmarkPlan { Problems = ["mf_hartmann6"], Tuners = [tuner], Seeds = [2], Trials = int.MaxValue, BudgetLimit = limit };
        var prefixes = Prefixes(plan);

        prefixes.Select(p => RunCompleteness.IsProvablyComplete(p, plan)).Should().Equal([.. Enumerable.Repeat(false, prefixes.Count - 1), true]);
    }

    [Fact]
    public void A_budget_limited_run_with_several_workers_is_never_taken_for_complete_without_all_its_trials()
    {
        // Pending trials end after the limit is reached and may be charged less than was reserved: the records
        // cannot tell the last one, so such a run is re-run rather than trusted.
        var plan = new BenchmarkPlan { Problems = ["mf_hartmann6"], Tuners = ["hyperband"], Seeds = [1], Trials = int.MaxValue, BudgetLimit = 8, Parallel = 3 };
        Prefixes(plan).Should().OnlyContain(p => !RunCompleteness.IsProvablyComplete(p, plan));

        var capped = plan with { Trials = 10 };
        Prefixes(capped).Select(p => RunCompleteness.IsProvablyComplete(p, capped)).Should().Equal([.. Enumerable.Repeat(false, 9), true]);
    }

    [Fact]
    public void Trials_out_of_order_are_never_complete()
    {
        var plan = new BenchmarkPlan { Problems = ["branin"], Tuners = ["random"], Seeds = [1], Trials = 3 };
        var statistics = Prefixes(plan)[^1] with { TrialsAreConsecutive = false };
        RunCompleteness.IsProvablyComplete(statistics, plan).Should().BeFalse();
    }
}
