using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>Runs on budgeted problems: spent budget, continuation, the budget limit and the incumbent's regret.</summary>
public class BudgetedRunTests
{
    private static HyperbandTuner Hyperband(IBenchmarkProblem problem, int seed = 1) =>
        new(problem.SearchSpace, new HyperbandOptions { MinBudget = problem.MinBudget!.Value, MaxBudget = problem.MaxBudget!.Value }, seed);

    [Fact]
    public void Single_fidelity_tuners_run_at_the_full_budget_and_spend_it_every_trial()
    {
        var problem = new MultiFidelityHartmann6Problem();
        var records = BenchmarkRunner.RunOne(problem, "random", new RandomSearchTuner(problem.SearchSpace, 1), 1, trials: 10);
        records.Should().OnlyContain(r => r.Budget == 81 && r.ConfigId == null);
        records.Select(r => r.SpentBudget).Should().Equal(Enumerable.Range(1, 10).Select(i => 81.0 * i));
    }

    [Fact]
    public void A_continued_trial_is_charged_only_its_extra_budget()
    {
        var problem = new MultiFidelityHartmann6Problem();
        var records = BenchmarkRunner.RunOne(problem, "hyperband", Hyperband(problem), 1, trials: 121);

        // The first bracket (s = 4): 81 at 1, then 27, 9, 3, 1 continued to 3, 9, 27, 81.
        records.Select(r => r.Budget).Should().Equal(new[] { (81, 1.0), (27, 3), (9, 9), (3, 27), (1, 81) }
            .SelectMany(x => Enumerable.Repeat<double?>(x.Item2, x.Item1)));
        records[^1].SpentBudget.Should().Be(81 * 1 + 27 * 2 + 9 * 6 + 3 * 18 + 1 * 54);
        var restarted = BenchmarkRunner.RunOne(problem, "hyperband", Hyperband(problem), 1, trials: 121, countContinuation: false);
        restarted[^1].SpentBudget.Should().Be(5 * 81);
        restarted.Select(r => r.Loss).Should().Equal(records.Select(r => r.Loss), "accounting does not change the run");
    }

    [Fact]
    public void A_continuation_of_a_configuration_that_never_ran_pays_in_full()
    {
        var problem = new MultiFidelityHartmann6Problem();
        var tuner = new CountingTuner(problem.SearchSpace, 1) { Budget = _ => 27 };
        var liar = new ClaimingTuner(tuner);
        var records = BenchmarkRunner.RunOne(problem, "liar", liar, 1, trials: 3);
        records.Select(r => r.SpentBudget).Should().Equal(27, 54, 81);
    }

    [Fact]
    public void The_budget_limit_ends_the_run_after_that_many_full_budgets()
    {
        var problem = new MultiFidelityHartmann6Problem();
        var random = BenchmarkRunner.RunOne(problem, "random", new RandomSearchTuner(problem.SearchSpace, 1), 1, trials: int.MaxValue, budgetLimit: 10);
        random.Should().HaveCount(10);
        random[^1].SpentBudget.Should().Be(810);

        var hyperband = BenchmarkRunner.RunOne(problem, "hyperband", Hyperband(problem), 1, trials: int.MaxValue, budgetLimit: 10);
        hyperband[^2].SpentBudget.Should().BeLessThan(810);
        hyperband[^1].SpentBudget.Should().BeGreaterThanOrEqualTo(810);

        var single = BenchmarkRunner.RunOne(new BraninProblem(), "random", new RandomSearchTuner(new BraninProblem().SearchSpace, 1), 1, trials: 1000, budgetLimit: 7);
        single.Should().HaveCount(7, "a trial of a single-fidelity problem spends one full budget");
    }

    [Fact]
    public void Counting_ones_regret_uses_the_expected_loss_of_the_incumbent()
    {
        var problem = new CountingOnesProblem();
        var records = BenchmarkRunner.RunOne(problem, "hyperband", Hyperband(problem), 2, trials: 150);
        foreach (var record in records.Where(r => r.Best is not null))
            record.Regret.Should().Be(record.Best + 16);
        var last = records[^1];
        var incumbent = records.Where(r => r.Loss is not null && r.Budget == records.Max(x => x.Budget)).MinBy(r => r.Loss)!;
        last.Best.Should().Be(problem.EvaluateFullFidelity(incumbent.Parameter!));
    }

    [Fact]
    public void The_budget_tuners_are_registered_and_run_on_single_and_multi_fidelity_problems()
    {
        var runner = new BenchmarkRunner();
        runner.Tuners.Names.Should().Contain(["hyperband", "asha", "bohb"]);
        var records = runner.Run(new BenchmarkPlan
        {
            Problems = ["branin", "mf_hartmann6", "counting_ones"],
            Tuners = ["hyperband", "asha", "bohb"],
            Seeds = [1],
            BudgetLimit = 5,
            Trials = 100_000,
        });
        records.Where(r => r.Problem == "branin").Should().OnlyContain(r => r.Budget == null && r.Status == TrialStatus.Succeeded);
        records.Where(r => r.Problem == "branin").GroupBy(r => r.Tuner).Should().OnlyContain(g => g.Count() == 5);
        records.Where(r => r.Problem != "branin").Should().OnlyContain(r => r.Budget != null && r.ConfigId != null && r.Status == TrialStatus.Succeeded);
        foreach (var run in records.Where(r => r.Problem != "branin").GroupBy(r => (r.Problem, r.Tuner)))
        {
            var full = run.Key.Problem == "mf_hartmann6" ? 81 : 729;
            run.Last().SpentBudget.Should().BeGreaterThanOrEqualTo(5 * full);
            run.Select(r => r.SpentBudget).Should().BeInAscendingOrder();
        }
    }

    [Fact]
    public void Budgeted_runs_repeat_exactly()
    {
        var plan = new BenchmarkPlan { Problems = ["mf_hartmann6"], Tuners = ["bohb", "asha"], Seeds = [3], BudgetLimit = 8, Trials = 100_000, Parallel = 3 };
        var first = new BenchmarkRunner().Run(plan).Select(r => r with { ProposeMs = 0, EvalMs = 0 });
        var second = new BenchmarkRunner().Run(plan).Select(r => r with { ProposeMs = 0, EvalMs = 0 });
        first.Should().Equal(second);
    }

    /// <summary>Claims every trial continues a configuration from budget 9, though none ran before.</summary>
    private sealed class ClaimingTuner(ITuner inner) : ITuner
    {
        public Parameter Propose(TrialSettings settings)
        {
            var p = inner.Propose(settings);
            settings.ConfigId = 1000 + settings.TrialId;
            settings.PreviousBudget = 9;
            return p;
        }

        public void Update(TrialResult result) => inner.Update(result);
    }
}
