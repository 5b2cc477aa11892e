using System.Globalization;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The Rosenbrock function on [-5,10]^d: f = Σ_{i&lt;d} 100 (x_{i+1} - x_i²)² + (x_i - 1)². One global minimiser
/// (1, ..., 1) with f* = 0.
/// </summary>
public sealed class RosenbrockProblem : ContinuousBenchmarkProblem
{
    /// <summary>Creates the problem, named <c>rosenbrock{d}</c>.</summary>
    /// <param name="dimension">The number of coordinates, at least 2.</param>
    public RosenbrockProblem(int dimension)
        : base("rosenbrock" + CheckDimension(dimension).ToString(CultureInfo.InvariantCulture),
            $"Rosenbrock, {dimension}-d on [-5,10]^{dimension}; f* = 0 at (1,...,1)",
            Repeat(-5, dimension), Repeat(10, dimension),
            // A sum of squares: exactly 0 at the minimiser and never below 0 in floating point either.
            optimalValue: 0,
            Repeat(1, dimension))
    {
    }

    /// <inheritdoc />
    protected override double Compute(ReadOnlySpan<double> x, double? budget)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var valley = x[i + 1] - x[i] * x[i];
            var offset = x[i] - 1;
            sum += 100 * valley * valley + offset * offset;
        }
        return sum;
    }

    private static int CheckDimension(int dimension) => dimension >= 2
        ? dimension
        : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Rosenbrock needs at least 2 coordinates.");
}
