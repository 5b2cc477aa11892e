using Microsoft.ML.NasTuners.Surrogates;

namespace Microsoft.ML.NasTuners.Tests.Surrogates.Parzen;

/// <summary>TPE's densities must not depend on the CPU: the same seed must give the same proposals on any machine.
/// A vectorised loop computes most kernels and a scalar one the tail, whose length depends on the vector width; both
/// must give the same bits, and the log-sum-exp of the mixture must not sum in a vector-width-dependent order.</summary>
public sealed class MachineIndependenceTests
{
    [Fact]
    public void A_kernel_computed_in_a_vector_lane_equals_the_same_kernel_computed_in_the_scalar_tail()
    {
        var dimension = new SearchSpace { ["x"] = new UniformDoubleOption(-3, 7) }.ModelView.Dimensions[0];
        var random = new Random(5);
        var mu = Enumerable.Range(0, 13).Select(_ => random.NextDouble() * 10 - 3).ToArray();
        var sigma = Enumerable.Range(0, 13).Select(_ => 0.05 + random.NextDouble()).ToArray();
        var start = Enumerable.Range(0, 13).Select(_ => random.NextDouble() - 5).ToArray();
        var together = new NumericParzenKernels(dimension, mu, sigma);
        var all = (double[])start.Clone();

        together.AddLogKernels(1.234, all).Should().BeTrue();

        for (var k = 0; k < mu.Length; k++)
        {
            // One kernel alone is shorter than any vector, so the scalar loop computes it.
            var alone = new NumericParzenKernels(dimension, [mu[k]], [sigma[k]]);
            var single = new[] { start[k] };
            alone.AddLogKernels(1.234, single);
            BitConverter.DoubleToInt64Bits(single[0]).Should().Be(BitConverter.DoubleToInt64Bits(all[k]), $"kernel {k}");
        }
    }

    [Fact]
    public void The_log_sum_exp_adds_in_index_order_around_the_largest_value()
    {
        double[] logs = [-1000, -1001.5, -999.25, double.NegativeInfinity, -1003];
        var max = -999.25;
        double sum = 0;
        foreach (var v in logs) sum += Math.Exp(v - max);

        LogMeanExp.OfSum(logs).Should().Be(max + Math.Log(sum));
        LogMeanExp.Of(logs).Should().Be(max + Math.Log(sum / logs.Length));
        LogMeanExp.OfSum([double.NegativeInfinity, double.NegativeInfinity]).Should().Be(double.NegativeInfinity);
        LogMeanExp.OfSum([]).Should().Be(double.NegativeInfinity);
    }
}
