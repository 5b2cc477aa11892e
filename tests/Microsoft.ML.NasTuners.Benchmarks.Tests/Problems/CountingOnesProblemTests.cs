using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class CountingOnesProblemTests
{
    private readonly CountingOnesProblem _problem = new();

    private Parameter At(int ones, double x) => Parameter.CreateNestedParameter(
        Enumerable.Range(0, 8).Select(i => KeyValuePair.Create(CountingOnesProblem.BinaryKey(i), Parameter.FromInt(i < ones ? 1 : 0)))
            .Concat(Enumerable.Range(0, 8).Select(j => KeyValuePair.Create(CountingOnesProblem.ContinuousKey(j), Parameter.FromDouble(x))))
            .ToArray());

    [Fact]
    public void Has_8_binary_and_8_continuous_parameters_and_budgets_9_to_729()
    {
        var view = _problem.SearchSpace.ModelView;
        view.Count.Should().Be(16);
        view.Dimensions.Count(d => d.Kind == DimensionKind.Categorical && d.ChoiceCount == 2).Should().Be(8);
        view.Dimensions.Count(d => d.Kind == DimensionKind.Continuous && d.Lower == 0 && d.Upper == 1).Should().Be(8);
        _problem.MinBudget.Should().Be(9);
        _problem.MaxBudget.Should().Be(729);
        _problem.OptimalValue.Should().Be(-16);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(81)]
    [InlineData(729)]
    public void The_optimum_is_minus_16_at_every_budget_and_in_expectation(int budget)
    {
        var best = At(8, 1);
        _problem.Evaluate(best, budget).Should().Be(-16);
        _problem.EvaluateFullFidelity(best).Should().Be(-16);
    }

    [Fact]
    public void The_expected_loss_is_minus_the_sum_of_the_values()
    {
        _problem.EvaluateFullFidelity(At(3, 0.25)).Should().Be(-(3 + 8 * 0.25));
        _problem.EvaluateFullFidelity(At(0, 0)).Should().Be(0);
        _problem.Evaluate(At(5, 0), 9).Should().Be(-5, "x = 0 never draws a one");
    }

    [Fact]
    public void Draws_are_deterministic_and_their_mean_nears_the_expectation_as_the_budget_grows()
    {
        var random = new Random(3);
        var errors = new Dictionary<int, double>();
        foreach (var budget in new[] { 9, 729 })
        {
            var total = 0.0;
            for (var k = 0; k < 200; k++)
            {
                var p = _problem.SearchSpace.SampleFromFeatureSpace(Enumerable.Range(0, 16).Select(_ => random.NextDouble()).ToArray());
                var loss = _problem.Evaluate(p, budget);
                _problem.Evaluate(p, budget).Should().Be(loss, "the same configuration draws the same samples");
                total += Math.Abs(loss - _problem.EvaluateFullFidelity(p));
            }
            errors[budget] = total / 200;
        }
        // Eight means of b draws: the error's scale is sqrt(8 · 1/4 / b).
        errors[9].Should().BeInRange(0.2, 0.6);
        errors[729].Should().BeLessThan(0.06);
    }

    [Fact]
    public void Different_configurations_draw_different_samples()
    {
        var a = At(0, 0.5);
        var b = At(0, 0.5000001);
        _problem.Evaluate(a, 729).Should().NotBe(_problem.Evaluate(b, 729));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(730)]
    [InlineData(10.5)]
    public void Budgets_outside_9_to_729_or_not_whole_are_rejected(double budget)
    {
        FluentActions.Invoking(() => _problem.Evaluate(At(1, 0.5), budget))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*counting_ones*9*729*");
    }
}
