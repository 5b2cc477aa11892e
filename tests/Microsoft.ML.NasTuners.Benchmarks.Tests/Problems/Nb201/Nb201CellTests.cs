using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

public class Nb201CellTests
{
    private const string Example = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    [Fact]
    public void Architecture_string_parses_in_edge_order_and_prints_back()
    {
        var cell = Nb201Cell.Parse(Example);
        cell.Operations.Should().Equal("nor_conv_3x3", "nor_conv_3x3", "avg_pool_3x3", "skip_connect", "nor_conv_3x3", "skip_connect");
        cell.Operation(1, 2).Should().Be("avg_pool_3x3");
        cell.Operation(2, 3).Should().Be("skip_connect");
        cell.ToString().Should().Be(Example);
        Nb201Cell.Edges.Should().Equal((0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3));
    }

    [Fact]
    public void Search_space_has_one_five_way_categorical_per_edge_in_string_order()
    {
        var view = Nb201Cell.CreateSearchSpace().ModelView;
        view.Dimensions.Select(d => d.Name).Should().Equal("to1_from0", "to2_from0", "to2_from1", "to3_from0", "to3_from1", "to3_from2");
        view.Dimensions.Should().OnlyContain(d => d.Kind == DimensionKind.Categorical && d.ChoiceCount == 5);
        view.Dimensions[0].Choices.Select(c => c.AsString()).Should().Equal(Nb201Operations.All);
    }

    [Fact]
    public void Parameter_round_trips_and_decodes_from_the_model_view()
    {
        var cell = Nb201Cell.Parse(Example);
        Nb201Cell.FromParameter(cell.ToParameter()).Should().Be(cell);
        var space = Nb201Cell.CreateSearchSpace();
        var decoded = space.ModelView.Decode(space.ModelView.Encode(cell.ToParameter()));
        decoded.Equals(cell.ToParameter()).Should().BeTrue();
    }

    [Fact]
    public void Bad_strings_and_parameters_are_rejected_with_the_allowed_values()
    {
        FluentActions.Invoking(() => Nb201Cell.Parse("|nor_conv_3x3~0|+|none~0|none~1|")).Should().Throw<FormatException>().WithMessage("*3 node groups*");
        FluentActions.Invoking(() => Nb201Cell.Parse(Example.Replace("avg_pool_3x3", "max_pool_3x3"))).Should().Throw<FormatException>().WithMessage("*max_pool_3x3*avg_pool_3x3*");
        FluentActions.Invoking(() => Nb201Cell.Parse(Example.Replace("avg_pool_3x3~1", "avg_pool_3x3~0"))).Should().Throw<FormatException>().WithMessage("*operation~1*");
        var missing = Nb201Cell.Parse(Example).ToParameter();
        missing.Remove("to3_from2");
        FluentActions.Invoking(() => Nb201Cell.FromParameter(missing)).Should().Throw<ArgumentException>().WithMessage("*'to3_from2'*");
        var wrong = Nb201Cell.Parse(Example).ToParameter();
        wrong["to1_from0"] = Parameter.FromString("conv5x5");
        FluentActions.Invoking(() => Nb201Cell.FromParameter(wrong)).Should().Throw<ArgumentException>().WithMessage("*'to1_from0'*none, skip_connect*");
        FluentActions.Invoking(() => new Nb201Cell(["none"])).Should().Throw<ArgumentException>().WithMessage("*6 edges*");
    }
}
