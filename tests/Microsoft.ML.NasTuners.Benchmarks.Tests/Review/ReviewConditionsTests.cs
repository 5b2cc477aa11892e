using Microsoft.ML.NasTuners.Benchmarks.Review;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests.Review;

public class ReviewConditionsTests
{
    private static readonly string[] Names = ["low_dim", "mid_high_dim", "conditional", "multi_fidelity", "nas", "noisy", "parallel4", "parallel8"];
    private static readonly string[] MultiFidelityTuners = ["hyperband", "asha", "bohb"];

    private static ReviewCondition Full(string name) => ReviewConditions.Full.Single(c => c.Name == name);

    [Fact]
    public void The_full_matrix_has_the_conditions_of_the_issue()
    {
        ReviewConditions.Full.Select(c => c.Name).Should().Equal(Names);
        Full("low_dim").Problems.Should().Equal("branin", "six_hump_camel", "hartmann3");
        Full("low_dim").Budgets.Should().Equal(25, 50);
        Full("mid_high_dim").Problems.Should().Equal("hartmann6", "rosenbrock4", "styblinski_tang8", "levy10");
        Full("mid_high_dim").Budgets.Should().Equal(100, 200);
        Full("conditional").Problems.Should().Equal("mixed3", "pipeline4");
        Full("multi_fidelity").Problems.Should().Equal("mf_hartmann6", "counting_ones", "yahpo_lcbench");
        Full("multi_fidelity").Budgets.Should().Equal(10, 25, 50, 100);
        Full("multi_fidelity").InFullBudgets.Should().BeTrue();
        Full("nas").Problems.Should().Equal("nb201_cifar10", "nb201_cifar100", "nb201_imagenet16");
        Full("nas").Budgets.Should().Equal(25, 50, 100);
        Full("noisy").Problems.Should().BeEquivalentTo(
            "branin_noise01", "branin_noise10", "hartmann3_noise01", "hartmann3_noise10", "hartmann6_noise01", "hartmann6_noise10");
        Full("parallel4").Parallel.Should().Be(4);
        Full("parallel8").Parallel.Should().Be(8);
    }

    [Fact]
    public void Every_problem_and_tuner_is_registered_and_budgets_ascend()
    {
        var tuners = BenchmarkTuners.CreateRegistry();
        foreach (var condition in ReviewConditions.Full.Concat(ReviewConditions.Quick))
        {
            condition.Problems.Should().OnlyContain(p => BenchmarkProblems.Contains(p), condition.Name);
            condition.Tuners.Should().OnlyContain(t => tuners.Contains(t), condition.Name);
            condition.Budgets.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.OnlyContain(b => b >= 1);
            if (condition.Expected.Count > 0)
                condition.Expected.Intersect(condition.Tuners).Should().NotBeEmpty($"{condition.Name} runs a tuner its hypothesis expects");
        }
    }

    [Fact]
    public void Multi_fidelity_tuners_run_only_where_problems_have_budgets_and_architecture_tuners_only_on_nas()
    {
        var registry = BenchmarkTuners.CreateRegistry();
        foreach (var condition in ReviewConditions.Full)
        {
            var problems = condition.Problems.Where(p => BenchmarkProblems.MissingData(p) is null).Select(p => BenchmarkProblems.Create(p)).ToArray();
            if (condition.Tuners.Intersect(MultiFidelityTuners).Any())
                problems.Should().OnlyContain(p => p.MaxBudget != null, condition.Name);
            var restricted = condition.Tuners.Where(t => registry.Get(t).AppliesTo is not null).ToArray();
            if (restricted.Length > 0) condition.Name.Should().Be("nas");
        }
        Full("nas").Tuners.Should().Contain(["ssk-gp", "wl-gp", "evolution", "random"]);
        Full("multi_fidelity").Tuners.Should().Contain(MultiFidelityTuners);
    }

    [Fact]
    public void The_quick_variant_shrinks_every_condition_of_the_full_one()
    {
        ReviewConditions.Quick.Select(c => c.Name).Should().Equal(Names);
        foreach (var quick in ReviewConditions.Quick)
        {
            var full = Full(quick.Name);
            quick.Problems.Should().BeSubsetOf(full.Problems);
            quick.Tuners.Should().BeSubsetOf(full.Tuners);
            quick.Budgets[^1].Should().BeLessThan(full.Budgets[^1]);
            quick.Parallel.Should().Be(full.Parallel);
            quick.InFullBudgets.Should().Be(full.InFullBudgets);
        }
    }

    [Fact]
    public void A_plan_runs_to_the_largest_budget_in_trials_or_full_budgets()
    {
        var trials = Full("low_dim").PlanFor(["branin"], [1, 2], threads: 3);
        trials.Trials.Should().Be(50);
        trials.BudgetLimit.Should().BeNull();
        trials.MaxDegreeOfParallelism.Should().Be(3);

        var budgets = Full("multi_fidelity").PlanFor(["mf_hartmann6"], [1], threads: 1);
        budgets.BudgetLimit.Should().Be(100);
        budgets.Trials.Should().Be(int.MaxValue);

        Full("parallel8").PlanFor(["branin"], [1], 1).Parallel.Should().Be(8);
    }

    [Fact]
    public void The_runner_accepts_every_full_plan()
    {
        var runner = new BenchmarkRunner();
        foreach (var condition in ReviewConditions.Full)
        {
            var available = condition.Problems.Where(p => BenchmarkProblems.MissingData(p) is null).ToArray();
            if (available.Length == 0) continue;
            runner.Invoking(r => r.Runs(condition.PlanFor(available, [1], 1))).Should().NotThrow(condition.Name);
        }
    }
}
