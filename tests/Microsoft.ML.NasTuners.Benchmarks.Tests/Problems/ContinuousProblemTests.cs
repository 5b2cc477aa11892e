using System.Globalization;
using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class ContinuousProblemTests
{
    private static readonly string[] ContinuousNames =
        BenchmarkProblems.Names.Where(n => BenchmarkProblems.RequiredData(n) is null && BenchmarkProblems.Create(n) is ContinuousBenchmarkProblem).ToArray();

    public static TheoryData<string> Names => new(ContinuousNames);

    /// <summary>The exact minima to 20 digits (50-digit Newton on the gradient with mpmath, or closed forms), and the
    /// literature's rounded minimisers.</summary>
    private static readonly Dictionary<string, (string Exact, double[][] Literature)> Reference = new()
    {
        ["branin"] = ("0.39788735772973833942", [[-Math.PI, 12.275], [Math.PI, 2.275], [9.42478, 2.475]]),
        ["hartmann3"] = ("-3.8627821478207550965", [[0.114614, 0.555649, 0.852547]]),
        ["hartmann6"] = ("-3.3223680114155148665", [[0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573]]),
        ["rosenbrock4"] = ("0", [[1, 1, 1, 1]]),
        ["levy10"] = ("0", [Enumerable.Repeat(1.0, 10).ToArray()]),
        ["styblinski_tang8"] = ("-313.32932563017132371", [Enumerable.Repeat(-2.903534, 8).ToArray()]),
        ["six_hump_camel"] = ("-1.0316284534898773504", [[0.0898, -0.7126], [-0.0898, 0.7126]]),
        ["goldstein_price"] = ("3", [[0, -1]]),
        ["mf_hartmann6"] = ("-3.3223680114155148665", [[0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573]]),
    };

    private static ContinuousBenchmarkProblem Create(string name) => (ContinuousBenchmarkProblem)BenchmarkProblems.Create(name);

    [Fact]
    public void Every_continuous_problem_has_reference_values()
    {
        Reference.Keys.Should().BeEquivalentTo(ContinuousNames);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Optimal_value_is_the_exact_minimum_to_1e_12(string name)
    {
        var exact = double.Parse(Reference[name].Exact, CultureInfo.InvariantCulture);
        Create(name).OptimalValue.Should().BeApproximately(exact, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Value_at_every_known_minimiser_is_the_optimum(string name)
    {
        var problem = Create(name);
        problem.Minimizers.Should().HaveCount(Reference[name].Literature.Length);
        foreach (var minimizer in problem.Minimizers)
            problem.Evaluate(minimizer.ToArray()).Should().BeApproximately(problem.OptimalValue, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Known_minimisers_agree_with_the_literature(string name)
    {
        var problem = Create(name);
        foreach (var (refined, literature) in problem.Minimizers.Zip(Reference[name].Literature))
        {
            refined.Should().Equal(literature, (a, b) => Math.Abs(a - b) < 1e-4);
            // The literature's rounded point is close to optimal but, being rounded, not quite.
            problem.Evaluate(literature).Should().BeInRange(problem.OptimalValue, problem.OptimalValue + 1e-5);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void No_random_point_falls_below_the_optimum(string name)
    {
        var problem = Create(name);
        MinimumProbe.LowestAtRandom(problem).Should().BeGreaterThanOrEqualTo(problem.OptimalValue);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void No_point_near_a_minimiser_rounds_below_the_optimum(string name)
    {
        var problem = Create(name);
        foreach (var minimizer in problem.Minimizers)
        {
            var lowest = MinimumProbe.LowestNear(problem, minimizer);
            lowest.Should().BeGreaterThanOrEqualTo(problem.OptimalValue, "regret must never be negative");
            lowest.Should().BeApproximately(problem.OptimalValue, 1e-12, "f* must be the minimum, not just a lower bound");
        }
    }

    [Fact]
    public void Branin_has_its_three_minimisers()
    {
        var branin = new BraninProblem();
        foreach (var x in new[] { new[] { -Math.PI, 12.275 }, [Math.PI, 2.275], [3 * Math.PI, 2.475] })
            branin.Evaluate(x).Should().BeApproximately(5 / (4 * Math.PI), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Parameters_are_x0_x1_over_the_standard_domain(string name)
    {
        var problem = Create(name);
        problem.SearchSpace.Keys.Should().BeEquivalentTo(Enumerable.Range(0, problem.Dimension).Select(i => $"x{i}"));
        for (var i = 0; i < problem.Dimension; i++)
        {
            var option = problem.SearchSpace[$"x{i}"].Should().BeOfType<UniformDoubleOption>().Subject;
            option.Min.Should().Be(problem.Lower[i]);
            option.Max.Should().Be(problem.Upper[i]);
            option.LogBase.Should().BeFalse();
        }
    }

    [Fact]
    public void Domains_are_the_standard_ones()
    {
        Box("branin").Should().Equal((-5.0, 10.0), (0.0, 15.0));
        Box("hartmann3").Should().AllBeEquivalentTo((0.0, 1.0)).And.HaveCount(3);
        Box("hartmann6").Should().AllBeEquivalentTo((0.0, 1.0)).And.HaveCount(6);
        Box("rosenbrock4").Should().AllBeEquivalentTo((-5.0, 10.0)).And.HaveCount(4);
        Box("levy10").Should().AllBeEquivalentTo((-10.0, 10.0)).And.HaveCount(10);
        Box("styblinski_tang8").Should().AllBeEquivalentTo((-5.0, 5.0)).And.HaveCount(8);
        Box("six_hump_camel").Should().Equal((-3.0, 3.0), (-2.0, 2.0));
        Box("goldstein_price").Should().AllBeEquivalentTo((-2.0, 2.0)).And.HaveCount(2);

        static (double, double)[] Box(string name)
        {
            var p = Create(name);
            return p.Lower.Zip(p.Upper).ToArray();
        }
    }

    [Fact]
    public void Evaluating_a_parameter_equals_evaluating_its_point()
    {
        var problem = new Hartmann6Problem();
        var x = new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
        problem.Evaluate(problem.ToParameter(x)).Should().Be(problem.Evaluate(x));
        problem.ToPoint(problem.ToParameter(x)).Should().Equal(x);
    }

    [Fact]
    public void Values_outside_the_domain_missing_keys_and_budgets_are_rejected()
    {
        var branin = new BraninProblem();
        branin.Invoking(p => p.Evaluate([11.0, 1.0])).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*x0*[-5, 10]*");
        branin.Invoking(p => p.Evaluate([double.NaN, 1.0])).Should().Throw<ArgumentOutOfRangeException>();
        branin.Invoking(p => p.Evaluate([1.0])).Should().Throw<ArgumentException>().WithMessage("*2 coordinates*");
        branin.Invoking(p => p.Evaluate(Parameter.CreateNestedParameter(KeyValuePair.Create("x0", Parameter.FromDouble(1)))))
            .Should().Throw<ArgumentException>().WithMessage("*x1*");
        branin.Invoking(p => p.Evaluate([1.0, 1.0], budget: 3)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*single fidelity*");
        branin.MinBudget.Should().BeNull();
        branin.MaxBudget.Should().BeNull();
    }

    [Fact]
    public void Styblinski_tang_optimum_is_eight_times_the_one_dimensional_one()
    {
        new StyblinskiTangProblem(8).OptimalValue.Should().BeApproximately(-39.16616570377142 * 8, 1e-12);
        new StyblinskiTangProblem(1).Evaluate([StyblinskiTangProblem.MinimizingCoordinate])
            .Should().BeApproximately(StyblinskiTangProblem.OptimumPerCoordinate, 1e-13);
    }
}
