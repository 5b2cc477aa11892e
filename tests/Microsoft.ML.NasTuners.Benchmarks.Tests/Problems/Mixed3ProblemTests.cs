using Microsoft.ML.NasTuners.Benchmarks;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class Mixed3ProblemTests
{
    private readonly Mixed3Problem _problem = new();

    private static Parameter P(string branch, params (string Key, Parameter Value)[] values) =>
        Parameter.CreateNestedParameter([KeyValuePair.Create("branch", Parameter.FromString(branch)), .. values.Select(v => KeyValuePair.Create(v.Key, v.Value))]);

    private static Parameter COptimum => P("C", ("C_units", Parameter.FromInt(256)), ("C_dropout", Parameter.FromDouble(0.25)), ("C_lr", Parameter.FromDouble(1e-3)));

    [Fact]
    public void Optimum_is_zero_in_branch_c()
    {
        _problem.OptimalValue.Should().Be(0);
        _problem.Evaluate(COptimum).Should().BeApproximately(0, 1e-9);
    }

    [Fact]
    public void Branch_a_and_b_optima_are_030_and_010()
    {
        _problem.Evaluate(P("A", ("A_C", Parameter.FromDouble(Math.Pow(10, 2.5))), ("A_gamma", Parameter.FromDouble(1e-2))))
            .Should().BeApproximately(0.30, 1e-12);
        _problem.Evaluate(P("B", ("B_n", Parameter.FromInt(100)), ("B_depth", Parameter.FromInt(6)), ("B_lr", Parameter.FromDouble(0.1))))
            .Should().BeApproximately(0.10, 1e-12);
    }

    [Fact]
    public void Formulas_match_the_definition_away_from_the_optima()
    {
        // A: u = log10(1000) - 2.5 = 0.5, v = log10(1e-3) + 2 = -1.
        _problem.Evaluate(P("A", ("A_C", Parameter.FromDouble(1000)), ("A_gamma", Parameter.FromDouble(1e-3))))
            .Should().BeApproximately(0.30 + 0.05 * 0.25 + 0.10 * 1 + 0.04 * 0.5 * -1, 1e-12);
        // B: p = 1, q = -2, depth 1.
        _problem.Evaluate(P("B", ("B_n", Parameter.FromInt(10)), ("B_depth", Parameter.FromInt(1)), ("B_lr", Parameter.FromDouble(0.01))))
            .Should().BeApproximately(0.10 + 0.20 * 4 + 0.05 * 1 + 0.02 * 25, 1e-12);
        // C: a = 4 - 8, e = 0.55, l = 2.
        _problem.Evaluate(P("C", ("C_units", Parameter.FromInt(16)), ("C_dropout", Parameter.FromDouble(0.8)), ("C_lr", Parameter.FromDouble(0.1))))
            .Should().BeApproximately(0.10 * 16 + 0.10 * -4 * 0.55 + 2.0 * 0.55 * 0.55 + 0.30 * 4, 1e-12);
    }

    [Fact]
    public void Model_view_has_nine_dimensions_conditional_on_a_three_way_selector()
    {
        var view = _problem.SearchSpace.ModelView;
        view.Count.Should().Be(9);
        var selector = view.Dimensions.Should().ContainSingle(d => d.IsBranchSelector).Subject;
        selector.Kind.Should().Be(DimensionKind.Categorical);
        selector.ChoiceCount.Should().Be(3);
        selector.Choices.Select(c => c.AsString()).Should().Equal("A", "B", "C");
        selector.IsConditional.Should().BeFalse();
        var others = view.Dimensions.Where(d => !d.IsBranchSelector).ToArray();
        others.Should().HaveCount(8).And.OnlyContain(d => d.IsConditional && d.Condition!.ParentIndex == selector.Index);
        foreach (var d in others)
            d.Condition!.ActiveValues.Should().Equal("ABC".IndexOf(d.Key[0]));

        var byKey = others.ToDictionary(d => d.Key);
        byKey["A_C"].Should().Match<Dimension>(d => d.Kind == DimensionKind.Continuous && d.IsLog && d.Lower == 1e-2 && d.Upper == 1e4);
        byKey["A_gamma"].Should().Match<Dimension>(d => d.Kind == DimensionKind.Continuous && d.IsLog && d.Lower == 1e-5 && d.Upper == 1e1);
        byKey["B_n"].Should().Match<Dimension>(d => d.Kind == DimensionKind.Integer && d.IsLog && d.Lower == 10 && d.Upper == 1000);
        byKey["B_depth"].Should().Match<Dimension>(d => d.Kind == DimensionKind.Integer && !d.IsLog && d.Lower == 1 && d.Upper == 12);
        byKey["B_lr"].Should().Match<Dimension>(d => d.Kind == DimensionKind.Continuous && d.IsLog && d.Lower == 1e-3 && d.Upper == 1);
        byKey["C_units"].Should().Match<Dimension>(d => d.Kind == DimensionKind.Integer && d.IsLog && d.Lower == 16 && d.Upper == 1024);
        byKey["C_dropout"].Should().Match<Dimension>(d => d.Kind == DimensionKind.Continuous && !d.IsLog && d.Lower == 0 && d.Upper == 0.8);
        byKey["C_lr"].Should().Match<Dimension>(d => d.Kind == DimensionKind.Continuous && d.IsLog && d.Lower == 1e-5 && d.Upper == 1e-1);
    }

    [Fact]
    public void No_sampled_point_falls_below_its_branch_optimum()
    {
        var tuner = new RandomSearchTuner(_problem.SearchSpace, seed: 3);
        var lowest = new Dictionary<string, double> { ["A"] = double.MaxValue, ["B"] = double.MaxValue, ["C"] = double.MaxValue };
        for (var i = 0; i < 20_000; i++)
        {
            var p = tuner.Propose(new TrialSettings { TrialId = i });
            var branch = p["branch"].AsString();
            lowest[branch] = Math.Min(lowest[branch], _problem.Evaluate(p));
        }
        lowest["A"].Should().BeGreaterThanOrEqualTo(0.30);
        lowest["B"].Should().BeGreaterThanOrEqualTo(0.10);
        lowest["C"].Should().BeGreaterThanOrEqualTo(0);
        lowest.Values.Should().OnlyContain(v => v < 1, "20k samples reach every branch's basin");
    }

    [Fact]
    public void Bad_parameters_and_budgets_are_rejected()
    {
        _problem.Invoking(p => p.Evaluate(P("C", ("C_units", Parameter.FromInt(256)), ("C_dropout", Parameter.FromDouble(0.25)))))
            .Should().Throw<ArgumentException>().WithMessage("*C_lr*");
        _problem.Invoking(p => p.Evaluate(P("C", ("C_units", Parameter.FromInt(2048)), ("C_dropout", Parameter.FromDouble(0.25)), ("C_lr", Parameter.FromDouble(1e-3)))))
            .Should().Throw<ArgumentException>().WithMessage("*C_units*");
        _problem.Invoking(p => p.Evaluate(P("D")))
            .Should().Throw<ArgumentException>().WithMessage("*'D'*");
        _problem.Invoking(p => p.Evaluate(COptimum, budget: 1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
