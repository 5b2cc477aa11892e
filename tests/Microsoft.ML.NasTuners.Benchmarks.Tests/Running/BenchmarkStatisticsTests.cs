using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class BenchmarkStatisticsTests
{
    private static TrialRecord R(string problem, int seed, int trial, double? regret, double proposeMs = 1, TrialStatus status = TrialStatus.Succeeded) => new()
    {
        Problem = problem,
        Tuner = "t",
        Seed = seed,
        Trial = trial,
        Regret = regret,
        Best = regret,
        ProposeMs = proposeMs,
        Status = status,
    };

    [Fact]
    public void Summarises_final_regret_over_seeds()
    {
        var records = new[]
        {
            // Final regrets by seed: 4, 1, 3, 2 (the last trial counts, whatever the order of the records).
            R("p", 1, 1, 4), R("p", 1, 0, 9),
            R("p", 2, 0, 5, proposeMs: 3), R("p", 2, 1, 1),
            R("p", 3, 0, 3, status: TrialStatus.Failed),
            R("p", 4, 0, 8), R("p", 4, 1, 2),
            R("a", 1, 0, null, status: TrialStatus.Failed),
        };
        var summaries = BenchmarkStatistics.Summarize(records);

        summaries.Select(s => s.Problem).Should().Equal("a", "p");
        var p = summaries[1];
        p.Tuner.Should().Be("t");
        p.Seeds.Should().Be(4);
        p.MedianRegret.Should().Be(2.5);
        p.Q25Regret.Should().Be(1.75);
        p.Q75Regret.Should().Be(3.25);
        p.MeanProposeMs.Should().BeApproximately(9.0 / 7, 1e-12);
        p.FailedTrials.Should().Be(1);

        var a = summaries[0];
        a.Seeds.Should().Be(1);
        a.MedianRegret.Should().Be(double.NaN, "no seed had a success");
        a.FailedTrials.Should().Be(1);
    }

    [Fact]
    public void Seeds_without_success_are_left_out_of_the_quantiles()
    {
        var summaries = BenchmarkStatistics.Summarize([R("p", 1, 0, 1), R("p", 2, 0, null), R("p", 3, 0, 3)]);
        summaries.Single().Seeds.Should().Be(3);
        summaries.Single().MedianRegret.Should().Be(2);
    }

    private static TrialRecord B(int seed, int trial, double spent, double? regret) => new()
    {
        Problem = "p",
        Tuner = "t",
        Seed = seed,
        Trial = trial,
        Budget = 10,
        SpentBudget = spent,
        Regret = regret,
        Best = regret,
    };

    [Fact]
    public void Regret_at_K_full_budgets_is_that_of_the_last_trial_within_the_budget()
    {
        // Full budget 10: K = 10 means 100 spent.
        var run = new[] { B(1, 0, 40, null), B(1, 1, 95, 5), B(1, 2, 100, 4), B(1, 3, 130, 2), B(1, 4, 260, 1) };
        BenchmarkStatistics.RegretAt(run, 10, 10).Should().Be(4);
        BenchmarkStatistics.RegretAt(run, 10, 25).Should().Be(2, "trial 4 ends past 250");
        BenchmarkStatistics.RegretAt(run, 10, 26).Should().Be(1);
        BenchmarkStatistics.RegretAt(run, 10, 27).Should().BeNull("the run spent only 26 full budgets");
        BenchmarkStatistics.RegretAt(run, 10, 1).Should().Be(double.PositiveInfinity, "no success within one full budget");
    }

    [Fact]
    public void The_summary_reports_the_median_regret_at_10_25_50_and_100_full_budgets()
    {
        var records = new List<TrialRecord>();
        for (var seed = 1; seed <= 3; seed++)
        {
            for (var k = 1; k <= 100; k++)
                records.Add(B(seed, k - 1, 10 * k, 1000.0 / k + seed));
        }
        var summary = BenchmarkStatistics.Summarize(records).Single();
        BenchmarkStatistics.Checkpoints.Should().Equal(10, 25, 50, 100);
        summary.MedianRegretAt[10].Should().Be(100 + 2);
        summary.MedianRegretAt[25].Should().Be(40 + 2);
        summary.MedianRegretAt[100].Should().Be(10 + 2);
        summary.MedianFullBudgetsSpent.Should().Be(100);

        var shorter = BenchmarkStatistics.Summarize(records.Where(r => r.Seed != 2 || r.Trial < 30)).Single();
        shorter.MedianRegretAt[25].Should().Be(42);
        double.IsNaN(shorter.MedianRegretAt[50]).Should().BeTrue("seed 2 stopped at 30 full budgets");
    }
}
