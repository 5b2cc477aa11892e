using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class WideCategoricalProblemTests
{
    private static Parameter P(double x, double y, int choice) => Parameter.FromObject(new { x, y, c = WideCategoricalProblem.ChoiceName(choice) });

    [Theory]
    [InlineData(1000)]
    [InlineData(10000)]
    public void The_optimum_is_zero_at_the_stated_point_and_every_other_choice_costs_more(int choices)
    {
        var problem = new WideCategoricalProblem(choices);

        problem.Evaluate(P(0.3, 0.7, problem.BestChoice)).Should().Be(problem.OptimalValue);
        var offsets = Enumerable.Range(0, choices).Select(problem.Offset).ToArray();
        offsets.Should().OnlyContain(o => o >= 0 && o < 1);
        offsets.Count(o => o == 0).Should().Be(1);
        offsets.Distinct().Should().HaveCount(choices, "the golden-ratio offsets never repeat");
    }

    [Fact]
    public void The_offsets_are_unrelated_to_the_order_of_the_choices()
    {
        var problem = new WideCategoricalProblem(1000);
        var neighbours = Enumerable.Range(0, 999).Select(i => Math.Abs(problem.Offset(i + 1) - problem.Offset(i))).ToArray();

        // Neighbouring choices differ by 0.382 or 0.618 (the golden ratio's fractional steps): no smooth order to exploit.
        neighbours.Should().OnlyContain(d => d > 0.3);
    }

    [Fact]
    public void It_is_registered_with_its_space_and_takes_no_budget()
    {
        var problem = BenchmarkProblems.Create("choice1000");

        problem.Name.Should().Be("choice1000");
        problem.SearchSpace.ModelView.Count.Should().Be(3);
        problem.Invoking(p => p.Evaluate(P(0.3, 0.7, 1), 1)).Should().Throw<ArgumentOutOfRangeException>();
        problem.Invoking(p => p.Evaluate(P(0.3, 0.7, 1000))).Should().Throw<ArgumentException>();
    }
}
