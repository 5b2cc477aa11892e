namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The Goldstein-Price function on [-2,2]^2:
/// f = [1 + (x0 + x1 + 1)² (19 - 14x0 + 3x0² - 14x1 + 6x0x1 + 3x1²)]
///   · [30 + (2x0 - 3x1)² (18 - 32x0 + 12x0² + 48x1 - 36x0x1 + 27x1²)].
/// One global minimiser (0, -1).
/// </summary>
public sealed class GoldsteinPriceProblem : ContinuousBenchmarkProblem
{
    /// <summary>The exact minimum, 3: at (0, -1) the first factor is 1 and the second 30 + 9·(-3).</summary>
    public const double Optimum = 3;

    // The second factor cancels 18 - 48 + 27 and then 30 - 27; near (0, -1) computed values fall up to ~1e-13 under 3
    // (9.6e-14 seen). f* is lowered by a bound on that so that regret is never negative.
    private const double RoundingAllowance = 5e-13;

    /// <summary>Creates the problem.</summary>
    public GoldsteinPriceProblem()
        : base("goldstein_price", "Goldstein-Price, 2-d on [-2,2]^2; f* = 3 at (0,-1)", [-2, -2], [2, 2], Optimum - RoundingAllowance, [0, -1])
    {
    }

    /// <inheritdoc />
    protected override double Compute(ReadOnlySpan<double> x, double? budget)
    {
        double a = x[0], b = x[1];
        var s = a + b + 1;
        var t = 2 * a - 3 * b;
        var first = 1 + s * s * (19 - 14 * a + 3 * a * a - 14 * b + 6 * a * b + 3 * b * b);
        var second = 30 + t * t * (18 - 32 * a + 12 * a * a + 48 * b - 36 * a * b + 27 * b * b);
        return first * second;
    }
}
