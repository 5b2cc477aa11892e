using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class Matern52ArdTests
{
    private static Matern52Ard Kernel(int dimension)
    {
        var kernel = new Matern52Ard(dimension);
        kernel.Amplitude.Value = 1.7;
        for (var c = 0; c < dimension; c++) kernel.LengthScale(c).Value = 0.2 + 0.15 * c;
        return kernel;
    }

    [Fact]
    public void The_kernel_matrix_is_symmetric_positive_definite_with_the_amplitude_on_its_diagonal()
    {
        var x = GpTestData.RandomPoints(40, 3, seed: 1);
        var k = Kernel(3).Covariance(x);

        k.Should().BeEquivalentTo(k.Transpose());
        k.Diagonal().Should().OnlyContain(v => v == 1.7);
        k.Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum().Should().BePositive();
        k.Invoking(m => m.Cholesky()).Should().NotThrow();
    }

    [Fact]
    public void Cross_covariance_agrees_with_the_covariance_matrix()
    {
        var x = GpTestData.RandomPoints(10, 2, seed: 2);
        var kernel = Kernel(2);
        var full = kernel.Covariance(x);
        var cross = kernel.CrossCovariance(x.Take(4).ToArray(), x);
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 10; j++) cross[i, j].Should().BeApproximately(full[i, j], 1e-14);
        }
    }

    [Fact]
    public void Covariance_decreases_with_distance_and_ignores_long_length_scales()
    {
        var kernel = new Matern52Ard(2);
        kernel.LengthScale(0).Value = 0.1;
        kernel.LengthScale(1).Value = 2;
        var origin = new[] { 0.5, 0.5 };
        double K(double[] y) => kernel.CrossCovariance([origin], [y])[0, 0];

        K([0.6, 0.5]).Should().BeLessThan(K([0.55, 0.5]));
        K([0.5, 0.6]).Should().BeGreaterThan(K([0.6, 0.5]));
    }

    [Fact]
    public void The_input_gradient_matches_finite_differences()
    {
        var kernel = Kernel(3);
        var data = GpTestData.RandomPoints(6, 3, seed: 3);
        var x = new[] { 0.3, 0.7, 0.45 };
        var values = new double[6];
        var gradients = new double[18];
        kernel.CrossCovarianceWithGradient(x, data, values, gradients);
        for (var i = 0; i < 6; i++)
        {
            var row = i;
            values[i].Should().BeApproximately(kernel.CrossCovariance([x], [data[i]])[0, 0], 1e-14);
            for (var c = 0; c < 3; c++)
            {
                var numeric = GpTestData.Derivative(p => kernel.CrossCovariance([p], [data[row]])[0, 0], x, c);
                gradients[i * 3 + c].Should().BeApproximately(numeric, 1e-7);
            }
        }
    }

    [Fact]
    public void The_weighted_hyper_parameter_gradient_matches_finite_differences()
    {
        var x = GpTestData.RandomPoints(8, 2, seed: 4);
        var kernel = Kernel(2);
        var random = new Random(5);
        var w = Matrix<double>.Build.Dense(8, 8, (_, _) => random.NextDouble() - 0.5);
        w = w + w.Transpose();
        double Contract(double[] theta)
        {
            var copy = (Matern52Ard)kernel.Clone();
            for (var p = 0; p < theta.Length; p++) copy.Hyperparameters[p].Theta = theta[p];
            return copy.Covariance(x).PointwiseMultiply(w).Enumerate().Sum();
        }
        var gradient = new double[3];
        kernel.CovarianceGradient(x, w, gradient);
        var theta0 = kernel.Hyperparameters.Select(h => h.Theta).ToArray();
        for (var p = 0; p < 3; p++) gradient[p].Should().BeApproximately(GpTestData.Derivative(Contract, theta0, p), 1e-6);
    }

    [Fact]
    public void Clones_are_independent()
    {
        var kernel = Kernel(2);
        var clone = (Matern52Ard)kernel.Clone();
        clone.LengthScale(0).Value = 1;
        kernel.LengthScale(0).Value.Should().Be(0.2);
    }

    [Fact]
    public void Inputs_of_the_wrong_dimension_are_refused()
    {
        var kernel = Kernel(2);
        kernel.Invoking(k => k.Covariance([new[] { 0.1, 0.2, 0.3 }])).Should().Throw<ArgumentException>().WithMessage("*2 coordinates*");
    }
}
