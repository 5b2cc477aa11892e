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
}
