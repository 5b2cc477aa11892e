using Microsoft.ML.NasTuners.Benchmarks.Review;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

public class AutoValidationTests
{
    private static ReviewCondition Condition(string name, params string[] tuners) => new()
    {
        Name = name, Description = name, Problems = ["branin", "hartmann3"], Budgets = [2, 4], Tuners = tuners,
    };

    private static (ConditionResults, IReadOnlyList<BudgetAnalysis>) Analysed(ReviewCondition condition, IEnumerable<TrialRecord> records)
    {
        var results = ConditionResults.Of(condition, records, _ => 1);
        return (results, ConditionAnalysis.Analyse(results));
    }

    // After four trials each tuner's regret on every problem and seed is its factor times the seed; after two all are 5.
    private static IEnumerable<TrialRecord> Runs(IReadOnlyDictionary<string, double> factors, IEnumerable<int> seeds) =>
        from problem in new[] { "branin", "hartmann3" }
        from seed in seeds
        from factor in factors
        from record in ReviewRecords.Run(problem, factor.Key, seed, 5, 5, 1, factor.Value * seed)
        select record;

    [Fact]
    public void A_review_without_auto_has_no_validation()
    {
        var condition = Condition("plain", "random", "a");
        AutoValidation.Of([Analysed(condition, Runs(new Dictionary<string, double> { ["random"] = 1, ["a"] = 0.1 }, [11, 12]))])
            .Should().BeNull();
    }

    [Fact]
    public void Auto_best_everywhere_meets_every_target_on_held_out_seeds()
    {
        var condition = Condition("c1", "random", "a", "auto");
        var result = AutoValidation.Of([Analysed(condition, Runs(new Dictionary<string, double> { ["random"] = 1, ["a"] = 0.1, ["auto"] = 0.01 }, [11, 12, 13]))])!;

        result.Seeds.Should().Equal(11, 12, 13);
        result.InSample.Should().BeFalse();
        // At two trials all three tie (rank 2); at four auto is first in every cell.
        result.Conditions.Single().Ranks.Select(r => r.MeanRank).Should().Equal(2.0, 1.0);
        result.RankTargetMet.Should().BeTrue();
        result.NeverWorseThanRandom.Should().BeTrue();
        result.BestOverall.Should().BeTrue();
        result.Rivals.Select(r => (r.Tuner, r.RivalMeanRank, r.AutoMeanRank)).Should().BeEquivalentTo(new[] { ("a", 2.0, 1.0), ("random", 3.0, 1.0) });
    }

    [Fact]
    public void Losing_to_random_and_to_a_rival_is_named_and_seeds_that_chose_the_rules_are_in_sample()
    {
        var won = Condition("won", "random", "a", "auto");
        var lost = Condition("lost", "random", "a", "auto");
        var result = AutoValidation.Of([
            Analysed(won, Runs(new Dictionary<string, double> { ["random"] = 1, ["a"] = 0.1, ["auto"] = 0.01 }, [1, 2])),
            Analysed(lost, Runs(new Dictionary<string, double> { ["random"] = 1, ["a"] = 0.1, ["auto"] = 10 }, [1, 2])),
        ])!;

        result.InSample.Should().BeTrue();
        var row = result.Conditions.Single(c => c.Condition == "lost");
        row.RankTargetMet.Should().BeFalse();
        row.Winner.Should().Be("a");
        // Medians over seeds 1 and 2 after four trials: auto 15, random 1.5, on both problems; at two trials all equal 5.
        row.LossesToRandom.Select(l => (l.Problem, l.Budget, l.AutoMedian, l.RandomMedian))
            .Should().BeEquivalentTo(new[] { ("branin", 4, 15.0, 1.5), ("hartmann3", 4, 15.0, 1.5) });
        result.NeverWorseThanRandom.Should().BeFalse();
        // Over both conditions auto averages (1 + 3) / 2 = 2 and a (2 + 1) / 2 = 1.5.
        result.Rivals.Single(r => r.Tuner == "a").Should().Be(new AutoRival("a", 2, 2.0, 1.5));
        result.BestOverall.Should().BeFalse();
    }

    [Fact]
    public void The_readme_reports_the_validation_with_its_verdict()
    {
        var condition = Condition("c1", "random", "a", "auto");
        var text = ReviewReadme.Write(new ReviewHeader("review --seeds 11-12", null, []),
            [Analysed(condition, Runs(new Dictionary<string, double> { ["random"] = 1, ["a"] = 0.1, ["auto"] = 0.01 }, [11, 12]))],
            new Dictionary<string, IReadOnlyList<string>>());

        text.Should().Contain("## auto against its targets").And.Contain("**held out**")
            .And.Contain("| c1 | 2: 2.00 (of 3), 4: 1.00 (of 3) | auto | none | met |")
            .And.Contain("no tuner beats it overall");
    }

    [Fact]
    public void The_verdict_names_the_conditions_where_the_rank_target_is_missed()
    {
        var won = Condition("won", "random", "a", "auto");
        var lost = Condition("lost", "random", "a", "auto");
        var text = ReviewReadme.Write(new ReviewHeader("review --seeds 11-12", null, []),
            [
                Analysed(won, Runs(new Dictionary<string, double> { ["random"] = 1, ["a"] = 0.1, ["auto"] = 0.01 }, [11, 12])),
                Analysed(lost, Runs(new Dictionary<string, double> { ["random"] = 1, ["a"] = 0.1, ["auto"] = 10 }, [11, 12])),
            ],
            new Dictionary<string, IReadOnlyList<string>>());

        text.Should().Contain("Verdict: rank target missed in 1 of 2 conditions (lost); sometimes worse than random;");
    }
}
