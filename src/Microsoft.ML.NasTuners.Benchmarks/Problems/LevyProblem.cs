using System.Globalization;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The Levy function on [-10,10]^d: with w_i = 1 + (x_i - 1)/4,
/// f = sin²(π w_1) + Σ_{i&lt;d} (w_i - 1)² [1 + 10 sin²(π w_i + 1)] + (w_d - 1)² [1 + sin²(2π w_d)].
/// One global minimiser (1, ..., 1) with f* = 0.
/// </summary>
public sealed class LevyProblem : ContinuousBenchmarkProblem
{
    /// <summary>Creates the problem, named <c>levy{d}</c>.</summary>
    /// <param name="dimension">The number of coordinates, at least 1.</param>
    public LevyProblem(int dimension)
        : base("levy" + CheckDimension(dimension).ToString(CultureInfo.InvariantCulture),
            $"Levy, {dimension}-d on [-10,10]^{dimension}; f* = 0 at (1,...,1)",
            Repeat(-10, dimension), Repeat(10, dimension),
            // Every term is a square times a positive factor, so no point rounds below 0 (sin π leaves 1.5e-32 at x = 1).
            optimalValue: 0,
            Repeat(1, dimension))
    {
    }

    /// <inheritdoc />
    protected override double Compute(ReadOnlySpan<double> x, double? budget)
    {
        var d = x.Length;
        var first = Math.Sin(Math.PI * W(x[0]));
        var sum = first * first;
        for (var i = 0; i + 1 < d; i++)
        {
            var w = W(x[i]);
            var s = Math.Sin(Math.PI * w + 1);
            sum += (w - 1) * (w - 1) * (1 + 10 * s * s);
        }
        var wd = W(x[d - 1]);
        var sd = Math.Sin(2 * Math.PI * wd);
        return sum + (wd - 1) * (wd - 1) * (1 + sd * sd);
    }

    private static double W(double x) => 1 + (x - 1) / 4;

    private static int CheckDimension(int dimension) => dimension >= 1
        ? dimension
        : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Levy needs at least 1 coordinate.");
}
