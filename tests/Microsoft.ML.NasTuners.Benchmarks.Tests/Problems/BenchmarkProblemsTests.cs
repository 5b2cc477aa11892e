using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class BenchmarkProblemsTests
{
    [Fact]
    public void Registry_holds_the_fifteen_problems_under_their_own_names()
    {
        BenchmarkProblems.Names.Should().Equal("branin", "hartmann3", "hartmann6", "rosenbrock4", "levy10", "styblinski_tang8",
            "six_hump_camel", "goldstein_price", "mixed3", "mf_hartmann6", "counting_ones", "yahpo_lcbench",
            "nb201_cifar10", "nb201_cifar100", "nb201_imagenet16");
        foreach (var name in BenchmarkProblems.Names)
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
    public void The_multi_fidelity_problems_have_budgets()
    {
        BenchmarkProblems.Names.Where(n => BenchmarkProblems.Create(n).MaxBudget is not null)
            .Should().Equal("mf_hartmann6", "counting_ones", "yahpo_lcbench", "nb201_cifar10", "nb201_cifar100", "nb201_imagenet16");
    }
}
