using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class InputTransformTests
{
    private static NasTuners.SearchSpace MixedSpace() => new()
    {
        ["lr"] = new UniformDoubleOption(1e-4, 1e-1, logBase: true),
        ["layers"] = new UniformIntOption(1, 4),
        ["activation"] = new ChoiceOption("relu", "gelu", "tanh"),
    };

    [Fact]
    public void The_encoding_has_one_column_per_number_and_one_per_choice()
    {
        var encoding = new ModelViewEncoding(MixedSpace().ModelView);
        encoding.Dimension.Should().Be(5);
        Enumerable.Range(0, 5).Count(encoding.IsContinuousColumn).Should().Be(1);
        Enumerable.Range(0, 5).Count(encoding.IsNumericColumn).Should().Be(2);
    }

    [Fact]
    public void Integers_round_to_their_cell_and_categoricals_to_the_largest_one_hot_column()
    {
        var space = MixedSpace();
        var view = space.ModelView;
        var encoding = new ModelViewEncoding(view);
        var rounding = new RoundingTransform(encoding);
        var layers = encoding.FirstColumn(view["layers"].Index);
        var activation = encoding.FirstColumn(view["activation"].Index);
        var lr = encoding.FirstColumn(view["lr"].Index);

        var x = new double[5];
        x[lr] = 0.37;
        x[layers] = 0.6; // cells of 1..4 are quarters: 0.6 lies in the cell of 3
        x[activation] = 0.2;
        x[activation + 1] = 0.9;
        x[activation + 2] = 0.5;
        var rounded = new double[5];
        rounding.Transform(x, rounded);

        rounded[lr].Should().Be(0.37);
        rounded[layers].Should().BeApproximately(view["layers"].ToUnit(3), 1e-12);
        rounded[activation..(activation + 3)].Should().Equal(0, 1, 0);
        var parameter = view.Decode(encoding.Decode(rounded));
        parameter["activation"].AsString().Should().Be("gelu");
        parameter["layers"].AsDouble().Should().Be(3);

        var derivative = new double[5];
        rounding.Derivative(x, derivative);
        derivative[lr].Should().Be(1);
        derivative.Where((_, c) => c != lr).Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void Rounding_is_flat_between_integers_and_idempotent()
    {
        var view = MixedSpace().ModelView;
        var encoding = new ModelViewEncoding(view);
        var layers = encoding.FirstColumn(view["layers"].Index);
        var a = new double[5];
        var b = new double[5];
        a[layers] = 0.51;
        b[layers] = 0.74;
        encoding.Canonicalize(a).Should().Equal(encoding.Canonicalize(b));
        encoding.Canonicalize(encoding.Canonicalize(a)).Should().Equal(encoding.Canonicalize(a));
    }

    [Fact]
    public void Inactive_conditional_dimensions_take_a_fixed_value()
    {
        var space = new NasTuners.SearchSpace
        {
            ["model"] = new ConditionalChoiceOption(
                ("tree", new NasTuners.SearchSpace { ["depth"] = new UniformIntOption(1, 10) }),
                ("linear", new NasTuners.SearchSpace { ["l2"] = new UniformDoubleOption(1e-6, 1, logBase: true) })),
        };
        var view = space.ModelView;
        var encoding = new ModelViewEncoding(view);
        var values = view.Encode(Parameter.Parse("""{"model":"tree","depth":4}"""));
        var columns = encoding.Encode(values);
        columns[encoding.FirstColumn(view["model:linear.l2"].Index)].Should().Be(ModelViewEncoding.InactiveValue);

        // Moving an inactive column changes nothing once rounded.
        var moved = (double[])columns.Clone();
        moved[encoding.FirstColumn(view["model:linear.l2"].Index)] = 0.77;
        encoding.Canonicalize(moved).Should().Equal(columns);
    }

    [Fact]
    public void Beta_warping_is_the_identity_at_one_one_and_bends_otherwise()
    {
        var warping = new BetaCdfWarping(2, [1]);
        var result = new double[2];
        warping.Transform([0.3, 0.3], result);
        result[0].Should().Be(0.3);
        result[1].Should().BeApproximately(0.3, 1e-9);

        warping.Hyperparameters[0].Value = 0.5; // alpha < 1 stretches the low end
        warping.Transform([0.3, 0.3], result);
        result[1].Should().BeGreaterThan(0.3);

        var derivative = new double[2];
        warping.Derivative([0.3, 0.4], derivative);
        derivative[0].Should().Be(1);
        derivative[1].Should().BeApproximately(GpTestData.Derivative(x => { var r = new double[2]; warping.Transform(x, r); return r[1]; }, [0.3, 0.4], 1), 1e-6);
    }

    [Fact]
    public void A_chain_applies_its_parts_in_order_and_multiplies_derivatives()
    {
        var view = MixedSpace().ModelView;
        var encoding = new ModelViewEncoding(view);
        var warping = new BetaCdfWarping(5, [encoding.FirstColumn(view["lr"].Index)]);
        warping.Hyperparameters[0].Value = 2;
        var chain = new ChainedInputTransform(new RoundingTransform(encoding), warping);
        chain.Hyperparameters.Should().HaveCount(2);

        var x = new[] { 0.4, 0.2, 0.7, 0.1, 0.62 };
        var lr = encoding.FirstColumn(view["lr"].Index);
        var result = new double[5];
        chain.Transform(x, result);
        var numeric = GpTestData.Derivative(p => { var r = new double[5]; chain.Transform(p, r); return r[lr]; }, x, lr);
        var derivative = new double[5];
        chain.Derivative(x, derivative);
        derivative[lr].Should().BeApproximately(numeric, 1e-6);
        var parameterDerivative = new double[5];
        chain.HyperparameterDerivative(x, 0, parameterDerivative);
        parameterDerivative[lr].Should().NotBe(0);
    }
}
