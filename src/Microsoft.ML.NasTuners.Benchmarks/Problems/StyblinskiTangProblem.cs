using System.Globalization;

namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The Styblinski-Tang function on [-5,5]^d: f = ½ Σ_i (x_i⁴ - 16 x_i² + 5 x_i). Separable; one global minimiser
/// with every x_i = -2.903534027771177..., the negative root of 4x³ - 32x + 5 = 0.
/// </summary>
public sealed class StyblinskiTangProblem : ContinuousBenchmarkProblem
{
    /// <summary>The minimising coordinate: the root of 4x³ - 32x + 5 near -2.9035, by Newton's method at 50 digits.</summary>
    public const double MinimizingCoordinate = -2.903534027771177;

    /// <summary>
    /// The minimum of one term, ½(x⁴ - 16x² + 5x) at <see cref="MinimizingCoordinate"/>: -39.16616570377141546... at 50
    /// digits (the usual -39.16616570377142 rounds it). f* of the d-dimensional problem is d times this.
    /// </summary>
    public const double OptimumPerCoordinate = -39.166165703771415;

    /// <summary>Creates the problem, named <c>styblinski_tang{d}</c>.</summary>
    /// <param name="dimension">The number of coordinates, at least 1.</param>
    public StyblinskiTangProblem(int dimension)
        : base("styblinski_tang" + CheckDimension(dimension).ToString(CultureInfo.InvariantCulture),
            $"Styblinski-Tang, {dimension}-d on [-5,5]^{dimension}; f* = -39.16616570377142·{dimension}",
            Repeat(-5, dimension), Repeat(5, dimension), OptimumFor(dimension),
            Repeat(MinimizingCoordinate, dimension))
    {
    }

    /// <summary>
    /// f* for <paramref name="dimension"/> coordinates: d · (-39.16616570377141546...), lowered by 1e-13 per coordinate,
    /// a bound on the rounding of terms of magnitude up to ~135 and of their sum, so that no computed value falls
    /// under it (for d = 8: -313.3293256301713 - 8e-13; values 5.7e-14 under the exact minimum were seen).
    /// </summary>
    public static double OptimumFor(int dimension) => dimension * OptimumPerCoordinate - 1e-13 * dimension;

    /// <inheritdoc />
    protected override double Compute(ReadOnlySpan<double> x, double? budget)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            var square = v * v;
            sum += square * square - 16 * square + 5 * v;
        }
        return sum / 2;
    }

    private static int CheckDimension(int dimension) => dimension >= 1
        ? dimension
        : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Styblinski-Tang needs at least 1 coordinate.");
}
