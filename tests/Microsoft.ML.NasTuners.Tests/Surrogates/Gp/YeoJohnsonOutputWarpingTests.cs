using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Gp;

public sealed class YeoJohnsonOutputWarpingTests
{
    [Theory]
    [InlineData(-2.5)]
    [InlineData(-0.3)]
    [InlineData(0)]
    [InlineData(0.7)]
    [InlineData(4)]
    public void Lambda_one_is_the_identity(double z) =>
        YeoJohnsonOutputWarping.PowerTransform(z, 1).Should().BeApproximately(z, 1e-12);

    [Fact]
    public void Lambda_zero_is_the_log_of_one_plus_z_above_zero() =>
        YeoJohnsonOutputWarping.PowerTransform(3, 0).Should().BeApproximately(Math.Log(4), 1e-12);

    [Fact]
    public void Heavy_tailed_losses_are_compressed_and_their_order_kept()
    {
        // Log-normal losses: a long right tail, as Goldstein-Price's values over its domain.
        var random = new Random(5);
        var losses = Enumerable.Range(0, 200).Select(_ => Math.Exp(2 * Normal(random))).ToList();
        var warping = new YeoJohnsonOutputWarping();

        warping.Fit(losses);

        warping.Lambda.Should().BeLessThan(0.5);
        var warped = losses.Select(warping.Transform).ToList();
        Skewness(warped).Should().BeLessThan(Skewness(losses) / 4);
        var byLoss = Enumerable.Range(0, losses.Count).OrderBy(i => losses[i]).ToList();
        var byWarped = Enumerable.Range(0, losses.Count).OrderBy(i => warped[i]).ToList();
        byWarped.Should().Equal(byLoss);
    }

    [Fact]
    public void Symmetric_losses_are_left_nearly_as_they_are()
    {
        var random = new Random(6);
        var losses = Enumerable.Range(0, 400).Select(_ => 10 + 3 * Normal(random)).ToList();
        var warping = new YeoJohnsonOutputWarping();

        warping.Fit(losses);

        warping.Lambda.Should().BeGreaterThan(0.8);
    }

    [Fact]
    public void Lambda_never_exceeds_the_upper_bound_so_good_losses_are_never_squeezed()
    {
        // A long LEFT tail would call for lambda > 1, which would compress the region near the minimum.
        var random = new Random(7);
        var losses = Enumerable.Range(0, 200).Select(_ => -Math.Exp(2 * Normal(random))).ToList();
        var warping = new YeoJohnsonOutputWarping();

        warping.Fit(losses);

        warping.Lambda.Should().Be(1);
    }

    [Fact]
    public void Constant_losses_give_the_identity_on_their_z_scores()
    {
        var warping = new YeoJohnsonOutputWarping();

        warping.Fit([2.0, 2.0, 2.0, 2.0]);

        warping.Lambda.Should().Be(1);
        warping.Transform(2.0).Should().Be(0);
    }

    [Fact]
    public void Empty_or_non_finite_losses_are_refused()
    {
        var warping = new YeoJohnsonOutputWarping();

        warping.Invoking(w => w.Fit([])).Should().Throw<ArgumentException>().WithParameterName("losses");
        warping.Invoking(w => w.Fit([1.0, double.NaN])).Should().Throw<ArgumentException>().WithParameterName("losses");
    }

    [Fact]
    public void Bounds_must_be_ordered_and_finite() =>
        FluentActions.Invoking(() => new YeoJohnsonOutputWarping(1, -1)).Should().Throw<ArgumentException>().WithParameterName("minLambda");

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Skewness(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        return values.Sum(v => Math.Pow((v - mean) / sd, 3)) / values.Count;
    }
}
