using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public class TransformedKernelTests
{
    private static TransformedKernel Warped()
    {
        var warping = new BetaCdfWarping(2, [0, 1]);
        warping.Hyperparameters[0].Value = 0.6;
        warping.Hyperparameters[1].Value = 1.7;
        warping.Hyperparameters[3].Value = 2.5;
        var inner = new Matern52Ard(2);
        inner.LengthScale(0).Value = 0.3;
        return new TransformedKernel(warping, inner);
    }

    [Fact]
    public void Its_hyper_parameters_are_the_transforms_then_the_kernels()
    {
        Warped().Hyperparameters.Select(h => h.Name).Should().Equal(
            "warp_alpha[0]", "warp_beta[0]", "warp_alpha[1]", "warp_beta[1]", "amplitude", "lengthscale[0]", "lengthscale[1]");
    }

    [Fact]
    public void It_is_the_inner_kernel_on_transformed_inputs()
    {
        var kernel = Warped();
        var x = GpTestData.RandomPoints(5, 2, seed: 1);
        var transformed = x.Select(p => { var r = new double[2]; kernel.Transform.Transform(p, r); return r; }).ToArray();
        var direct = kernel.Inner.Covariance(transformed);
        var via = kernel.Covariance(x);
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++) via[i, j].Should().BeApproximately(direct[i, j], 1e-14);
        }
    }

    [Fact]
    public void The_input_gradient_goes_through_the_transform()
    {
        var kernel = Warped();
        var data = GpTestData.RandomPoints(4, 2, seed: 2);
        var x = new[] { 0.35, 0.6 };
        var values = new double[4];
        var gradients = new double[8];
        kernel.CrossCovarianceWithGradient(x, data, values, gradients);
        for (var i = 0; i < 4; i++)
        {
            var row = i;
            for (var c = 0; c < 2; c++)
                gradients[i * 2 + c].Should().BeApproximately(GpTestData.Derivative(p => kernel.CrossCovariance([p], [data[row]])[0, 0], x, c), 1e-6);
        }
    }

    [Fact]
    public void A_changed_transform_parameter_is_not_hidden_by_the_cache()
    {
        var kernel = Warped();
        var x = GpTestData.RandomPoints(6, 2, seed: 3);
        var before = kernel.Covariance(x)[0, 1];
        kernel.Transform.Hyperparameters[0].Value = 3;
        kernel.Covariance(x)[0, 1].Should().NotBe(before);
    }
}
