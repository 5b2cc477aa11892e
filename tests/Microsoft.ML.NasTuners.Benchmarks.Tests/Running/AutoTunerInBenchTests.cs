using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>The bench's <c>auto</c> reads the problem (its budgets and architecture encoding) and then proposes exactly
/// what the tuner it chose proposes.</summary>
public class AutoTunerInBenchTests
{
    private static List<Parameter> Proposals(string tuner, IBenchmarkProblem problem, int trials = 12, RunShape? run = null)
    {
        var created = BenchmarkTuners.CreateRegistry().Create(tuner, problem.SearchSpace, 3, problem, run);
        var proposals = new List<Parameter>();
        for (var id = 0; id < trials; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            settings.Parameter = created.Propose(settings);
            created.Update(new TrialResult { TrialSettings = settings, Loss = problem.Evaluate(settings.Parameter, settings.Budget) });
            proposals.Add(settings.Parameter);
        }
        return proposals;
    }

    [Theory]
    [InlineData("branin", "gp-map")]
    [InlineData("mixed3", "gp-map")]
    [InlineData("mf_hartmann6", "bohb")] // until 15 full budgets are spent, which 12 trials of BOHB's first bracket do not
    [InlineData("levy10", "gp-map")] // 10-D, the most GP-BO was measured to win on (the review's mid_high_dim)
    [InlineData("counting_ones", "bohb")]
    [InlineData("pipeline4", "tpe-mv")]
    public void Auto_proposes_what_its_rule_for_the_problem_names(string problem, string chosen)
    {
        Proposals("auto", BenchmarkProblems.Create(problem)).Should().Equal(Proposals(chosen, BenchmarkProblems.Create(problem)));
    }

    [DataFact("nb201")]
    public void On_an_architecture_problem_auto_runs_the_string_kernel_gp()
    {
        var problem = new Nb201Problem(Nb201Dataset.Cifar10);

        Proposals("auto", problem).Should().Equal(Proposals("ssk-gp", problem));
    }

    [Fact]
    public void Auto_is_told_the_runs_workers_and_leaves_gp_bo_to_tpe_beyond_eight()
    {
        var problem = BenchmarkProblems.Create("branin");

        Proposals("auto", problem, run: new RunShape(100, 8)).Should().Equal(Proposals("gp-map", problem));
        Proposals("auto", problem, run: new RunShape(100, 9)).Should().Equal(Proposals("tpe-mv", problem));
    }
}
