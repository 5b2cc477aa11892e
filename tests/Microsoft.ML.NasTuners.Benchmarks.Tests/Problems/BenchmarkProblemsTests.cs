using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class BenchmarkProblemsTests
{
    [Fact]
    public void Registry_holds_the_twenty_four_problems_under_their_own_names()
    {
        BenchmarkProblems.Names.Should().Equal("branin", "hartmann3", "hartmann6", "rosenbrock4", "levy10", "styblinski_tang8",
            "six_hump_camel", "choice1000", "choice10000", "goldstein_price", "mixed3", "pipeline4", "mf_hartmann6", "counting_ones", "yahpo_lcbench",
            "nb201_cifar10", "nb201_cifar100", "nb201_imagenet16",
            "branin_noise01", "branin_noise10", "hartmann3_noise01", "hartmann3_noise10", "hartmann6_noise01", "hartmann6_noise10");
        foreach (var name in BenchmarkProblems.Names.Where(n => BenchmarkProblems.MissingData(n) is null))
        {
            var problem = BenchmarkProblems.Create(name);
            problem.Name.Should().Be(name);
            problem.Description.Should().NotBeNullOrWhiteSpace();
            (problem as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void Every_call_creates_a_new_instance()
    {
        BenchmarkProblems.Create("branin").Should().NotBeSameAs(BenchmarkProblems.Create("branin"));
    }

    [Fact]
    public void Unknown_name_lists_the_valid_ones()
    {
        FluentActions.Invoking(() => BenchmarkProblems.Create("nope"))
            .Should().Throw<ArgumentException>().WithMessage("*'nope'*branin*mf_hartmann6*");
        BenchmarkProblems.Contains("branin").Should().BeTrue();
        BenchmarkProblems.Contains("Branin").Should().BeFalse();
    }

    [Fact]
    public void The_multi_fidelity_problems_that_need_no_data_have_budgets()
    {
        BenchmarkProblems.Names.Where(n => BenchmarkProblems.RequiredData(n) is null && BenchmarkProblems.Create(n).MaxBudget is not null)
            .Should().Equal("mf_hartmann6", "counting_ones");
    }

    [DataFact("yahpo")]
    public void The_yahpo_problem_has_a_budget_of_epochs()
    {
        BenchmarkProblems.Create("yahpo_lcbench").MaxBudget.Should().Be(52);
    }

    [DataFact("nb201")]
    public void The_nb201_problems_have_a_budget_of_epochs()
    {
        foreach (var name in new[] { "nb201_cifar10", "nb201_cifar100", "nb201_imagenet16" })
            BenchmarkProblems.Create(name).MaxBudget.Should().Be(200, name);
    }

    [Fact]
    public void Each_problem_names_the_data_set_it_reads()
    {
        BenchmarkProblems.Names.Where(n => BenchmarkProblems.RequiredData(n) is not null)
            .Select(n => (n, BenchmarkProblems.RequiredData(n)!.Name))
            .Should().Equal(("yahpo_lcbench", "yahpo"), ("nb201_cifar10", "nb201"), ("nb201_cifar100", "nb201"), ("nb201_imagenet16", "nb201"));
        FluentActions.Invoking(() => BenchmarkProblems.RequiredData("nope")).Should().Throw<ArgumentException>().WithMessage("*'nope'*");
    }
}
