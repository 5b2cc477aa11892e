using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class MultiFidelityHartmann6ProblemTests
{
    private readonly MultiFidelityHartmann6Problem _problem = new();
    private readonly Hartmann6Problem _hartmann6 = new();

    private static IEnumerable<double[]> Points(int count, int seed = 5)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray();
    }

    [Fact]
    public void Budget_range_is_1_to_81_epochs()
    {
        _problem.MinBudget.Should().Be(1);
        _problem.MaxBudget.Should().Be(81);
        _problem.OptimalValue.Should().Be(_hartmann6.OptimalValue);
        _problem.OptimalValue.Should().BeApproximately(-3.322368011415515, 1e-12);
    }

    [Fact]
    public void At_full_budget_it_is_exactly_hartmann6()
    {
        foreach (var x in Points(50).Append(_hartmann6.Minimizers[0].ToArray()))
        {
            _problem.Evaluate(x, 81).Should().Be(_hartmann6.Evaluate(x));
            _problem.Evaluate(x).Should().Be(_hartmann6.Evaluate(x), "no budget means the full budget");
            _problem.Evaluate(_problem.ToParameter(x)).Should().Be(_hartmann6.Evaluate(x));
        }
    }

    [Fact]
    public void At_low_budgets_it_differs_by_the_formula()
    {
        foreach (var x in Points(20))
        {
            var low = _problem.Evaluate(x, 1);
            low.Should().NotBe(_hartmann6.Evaluate(x));
            // z = 0 at b = 1: weights lowered by 0.1 and a wobble of amplitude 0.2.
            var s = x.Select((v, j) => (j + 1) * v).Sum();
            var expected = -Enumerable.Range(0, 4).Sum(i =>
                (Hartmann6Problem.Alpha[i] - 0.1) * Math.Exp(-Enumerable.Range(0, 6).Sum(j => Hartmann6Problem.A[i, j] * Math.Pow(x[j] - Hartmann6Problem.P[i, j], 2))))
                + 0.2 * Math.Sin(2 * Math.PI * (7 * s + 0.618));
            low.Should().BeApproximately(expected, 1e-12);
        }
    }

    [Fact]
    public void The_gap_to_full_fidelity_shrinks_with_the_budget()
    {
        double MeanGap(int b) => Points(500).Average(x => Math.Abs(_problem.Evaluate(x, b) - _hartmann6.Evaluate(x)));
        MeanGap(1).Should().BeGreaterThan(MeanGap(27)).And.BeGreaterThan(0.05);
        MeanGap(27).Should().BeGreaterThan(MeanGap(80));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(82)]
    [InlineData(1.5)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_budgets_are_rejected_naming_the_range(double budget)
    {
        _problem.Invoking(p => p.Evaluate(new double[6], budget))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[1, 81]*").Which.ParamName.Should().Be("budget");
    }
}
