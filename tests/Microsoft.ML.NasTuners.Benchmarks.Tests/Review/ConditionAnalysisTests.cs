using Microsoft.ML.NasTuners.Benchmarks.Review;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

public class ConditionAnalysisTests
{
    private static readonly ReviewCondition Condition = new()
    {
        Name = "test", Description = "two problems", Problems = ["branin", "hartmann3"], Budgets = [2, 4], Tuners = ["a", "b", "c"],
        Expected = ["b"],
    };

    private static ConditionResults Results(IEnumerable<TrialRecord> records) => ConditionResults.Of(Condition, records, _ => 1);

    [Fact]
    public void Ranks_tests_and_intervals_follow_the_hand_computed_values()
    {
        var final = ConditionAnalysis.At(Results(ReviewRecords.Ordered()), 4);

        final.Cells.Should().Be(12);
        final.Standings.Select(s => s.Tuner).Should().Equal("a", "b", "c");
        final.Standings.Select(s => s.MeanRank).Should().Equal(1, 2, 3);
        // The same rank in every cell: every resample has the same mean.
        final.Standings.Should().OnlyContain(s => s.RankLower == s.MeanRank && s.RankUpper == s.MeanRank);
        // Friedman without ties: 12 / (12·3·4) (12² + 24² + 36²) − 3·12·4 = 168 − 144 = 24, p = exp(−12).
        final.Friedman!.Statistic.Should().BeApproximately(24, 1e-9);
        final.Friedman.PValue.Should().BeApproximately(Math.Exp(-12), 1e-12);
        // b and c lose all 12 cells to a: exact p = 2 / 2^12 each; Holm doubles the first and lifts the second to it.
        final.Standings[1].VersusBest!.PValue.Should().BeApproximately(2.0 / 4096, 1e-15);
        final.Standings[1].HolmP.Should().BeApproximately(4.0 / 4096, 1e-15);
        final.Standings[2].HolmP.Should().BeApproximately(4.0 / 4096, 1e-15);
        final.Standings[0].VersusBest.Should().BeNull();
        final.Best.Should().Be("a");
    }

    [Fact]
    public void Regret_quantiles_are_over_seeds_at_the_budget()
    {
        var final = ConditionAnalysis.At(Results(ReviewRecords.Ordered()), 4);

        // a's regrets on branin are 0.01·(1..6): type-7 quartiles at positions 1.25, 2.5 and 3.75 of 0..5.
        var a = final.Regrets.Single(r => r.Problem == "branin" && r.Tuner == "a");
        a.Seeds.Should().Be(6);
        a.Median.Should().BeApproximately(0.035, 1e-12);
        a.Q25.Should().BeApproximately(0.0225, 1e-12);
        a.Q75.Should().BeApproximately(0.0475, 1e-12);
    }

    [Fact]
    public void Equal_regrets_at_a_smaller_budget_tie_everywhere()
    {
        var early = ConditionAnalysis.At(Results(ReviewRecords.Ordered()), 2);

        early.Standings.Should().OnlyContain(s => s.MeanRank == 2);
        early.Friedman!.PValue.Should().Be(1);
        early.Standings.Skip(1).Should().OnlyContain(s => s.VersusBest!.PValue == 1 && s.TiesWithBest);
    }

    [Fact]
    public void A_tuner_missing_from_some_cells_is_left_out_of_the_ranks_but_not_the_regret_table()
    {
        var records = ReviewRecords.Ordered().Concat(ReviewRecords.Run("branin", "d", 1, 0, 0, 0, 0)).ToArray();

        var final = ConditionAnalysis.At(Results(records), 4);

        final.Unranked.Should().Equal("d");
        final.Standings.Select(s => s.Tuner).Should().Equal("a", "b", "c");
        final.Regrets.Should().Contain(r => r.Tuner == "d" && r.Median == 0);
        // d's regret 0 beats a, b and c in the one cell it ran.
        final.Partial.Should().Equal(new PartialStanding("d", 1, 1));
    }

    [Fact]
    public void A_run_without_success_by_the_budget_ranks_last()
    {
        var records = ReviewRecords.Ordered()
            .Where(r => !(r.Tuner == "a" && r.Seed == 1 && r.Problem == "branin"))
            .Concat(ReviewRecords.Run("branin", "a", 1, null, null, null, null))
            .ToArray();

        var final = ConditionAnalysis.At(Results(records), 4);

        final.Regrets.Single(r => r.Problem == "branin" && r.Tuner == "a").Q75.Should().BeApproximately(0.0575, 1e-12);
        final.Standings.Single(s => s.Tuner == "a").MeanRank.Should().BeApproximately((11 * 1 + 3) / 12.0, 1e-12);
    }

    [Fact]
    public void A_regret_below_zero_an_estimated_optimum_allows_counts_as_zero_in_the_tests_and_keeps_its_rank()
    {
        // a beats the estimated f* on branin in every seed: -0.01·seed, as yahpo_lcbench's runs can.
        var records = ReviewRecords.Ordered()
            .Where(r => !(r.Tuner == "a" && r.Problem == "branin"))
            .Concat(Enumerable.Range(1, 6).SelectMany(seed => ReviewRecords.Run("branin", "a", seed, 5, 5, 1, -0.01 * seed)))
            .ToArray();

        var final = ConditionAnalysis.At(Results(records), 4);

        final.Standings.Select(s => s.Tuner).Should().Equal("a", "b", "c");
        final.Standings.Select(s => s.MeanRank).Should().Equal(1, 2, 3);
        final.Standings.Skip(1).Should().OnlyContain(s => s.VersusBest != null && s.VersusBest.PValue < 0.01);
        final.Regrets.Single(r => r.Problem == "branin" && r.Tuner == "a").Median.Should().BeApproximately(-0.035, 1e-12);
    }

    [Fact]
    public void Records_of_other_problems_are_ignored_and_imported_tuners_follow_the_conditions_own()
    {
        var records = ReviewRecords.Ordered().Concat(ReviewRecords.Run("levy10", "a", 1, 1, 1, 1, 1))
            .Concat(ReviewRecords.Run("branin", "optuna-tpe", 1, 1, 1, 1, 1));

        var results = Results(records);

        results.Problems.Should().Equal("branin", "hartmann3");
        results.Tuners.Should().Equal("a", "b", "c", "optuna-tpe");
    }

    [Fact]
    public void The_verdict_reads_the_expected_tuners_against_the_best()
    {
        var final = ConditionAnalysis.At(Results(ReviewRecords.Ordered()), 4);

        HypothesisVerdict.Of(Condition with { Expected = ["a"] }, final).Should().Be("held");
        HypothesisVerdict.Of(Condition, final).Should().StartWith("did not hold");
        HypothesisVerdict.Of(Condition with { Expected = [] }, final).Should().Be("no prior");
        HypothesisVerdict.Of(Condition with { Expected = ["z"] }, final).Should().StartWith("untested");
        var early = ConditionAnalysis.At(Results(ReviewRecords.Ordered()), 2);
        HypothesisVerdict.Of(Condition with { Expected = ["c"] }, early).Should().StartWith("partly");
    }
}
