using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

/// <summary>A categorical wider than <see cref="ModelViewEncoding.OneHotLimit"/> takes one choice column, which the
/// Matérn kernel compares for equality only: the GP's cost then does not grow with the number of choices.</summary>
public class ChoiceColumnTests
{
    private static ModelView Space(int choices) => new SearchSpace
    {
        ["lr"] = new UniformDoubleOption(1e-4, 1e-1, logBase: true),
        ["item"] = new ChoiceOption(Enumerable.Range(0, choices).Select(i => (object)$"item{i}").ToArray()),
    }.ModelView;

    [Fact]
    public void Categoricals_up_to_the_limit_stay_one_hot_and_wider_ones_take_one_choice_column()
    {
        var narrow = new ModelViewEncoding(Space(ModelViewEncoding.OneHotLimit));
        var wide = new ModelViewEncoding(Space(ModelViewEncoding.OneHotLimit + 1));
        var huge = new ModelViewEncoding(Space(10_000));

        narrow.Dimension.Should().Be(1 + ModelViewEncoding.OneHotLimit);
        narrow.ChoiceColumns.Should().BeEmpty();
        wide.Dimension.Should().Be(2);
        huge.Dimension.Should().Be(2);
        huge.ChoiceColumns.Should().Equal(huge.FirstColumn(huge.View["item"].Index));
        huge.IsNumericColumn(huge.ChoiceColumns[0]).Should().BeFalse();
        huge.IsContinuousColumn(huge.ChoiceColumns[0]).Should().BeFalse();
    }

    [Fact]
    public void Every_choice_survives_encoding_and_any_point_of_the_cube_decodes_to_a_valid_choice()
    {
        var encoding = new ModelViewEncoding(Space(1000));
        var item = encoding.View["item"].Index;
        var column = encoding.FirstColumn(item);
        var values = new double[2];
        values[encoding.View["lr"].Index] = 0.01;
        for (var choice = 0; choice < 1000; choice++)
        {
            values[item] = choice;
            var columns = encoding.Encode(values);
            columns[column].Should().BeInRange(0, 1);
            encoding.Decode(columns)[item].Should().Be(choice);
        }
        foreach (var u in new[] { 0.0, 1e-12, 0.5, 0.9999999, 1.0 })
        {
            var point = new[] { 0.3, 0.3 };
            point[column] = u;
            encoding.Decode(point)[item].Should().BeInRange(0, 999);
        }
    }

    [Fact]
    public void The_kernel_compares_a_choice_column_only_for_equality()
    {
        var kernel = new Matern52Ard(2, choiceColumns: [1]);
        kernel.LengthScale(0).Value = 0.3;
        kernel.LengthScale(1).Value = 0.8;
        var plain = new Matern52Ard(1);
        plain.LengthScale(0).Value = 0.3;
        double K(Matern52Ard k, double[] a, double[] b) => k.CrossCovariance([a], [b])[0, 0];

        // Equal choices: as if the column were not there.
        K(kernel, [0.2, 0.45], [0.6, 0.45]).Should().Be(K(plain, [0.2], [0.6]));
        // Different choices: the same covariance however far apart their values lie.
        K(kernel, [0.2, 0.1], [0.2, 0.15]).Should().Be(K(kernel, [0.2, 0.1], [0.2, 0.95]));
        K(kernel, [0.2, 0.1], [0.2, 0.15]).Should().BeLessThan(K(kernel, [0.2, 0.1], [0.2, 0.1]));
    }

    [Fact]
    public void A_choice_column_has_no_input_gradient_and_its_length_scale_gradient_matches_finite_differences()
    {
        var kernel = new Matern52Ard(2, choiceColumns: [1]);
        var data = new[] { new[] { 0.1, 0.25 }, new[] { 0.7, 0.75 }, new[] { 0.4, 0.25 } };
        var values = new double[3];
        var gradients = new double[6];

        kernel.CrossCovarianceWithGradient([0.3, 0.25], data, values, gradients);

        Enumerable.Range(0, 3).Select(i => gradients[i * 2 + 1]).Should().OnlyContain(g => g == 0);
        var gp = new GaussianProcess<double[]>(kernel);
        var x = GpTestData.RandomPoints(12, 2, seed: 4).Select(p => new[] { p[0], (Math.Floor(p[1] * 4) + 0.5) / 4 }).ToArray();
        gp.Fit(x, x.Select(p => Math.Sin(4 * p[0]) + p[1]).ToArray());
        GpTestData.LikelihoodGradientShouldMatchFiniteDifferences(gp, gp.GetTheta());
    }
}
