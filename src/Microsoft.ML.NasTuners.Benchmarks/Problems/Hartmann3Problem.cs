namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// The 3-d Hartmann function on [0,1]^3: f = -Σ_i α_i exp(-Σ_j A_ij (x_j - P_ij)²), α = (1, 1.2, 3, 3.2), with
/// the constants of Dixon and Szegő (1978). One global minimiser near (0.114614, 0.555649, 0.852547).
/// </summary>
/// <remarks>
/// P_41 is 0.03815 as in Dixon and Szegő; several libraries print it as 0.0381, which moves the minimum to
/// -3.8627797873 and makes the usual f* = -3.86278214782076 unreachable. With 0.03815 the usual minimiser and the
/// usual f* agree.
/// </remarks>
public sealed class Hartmann3Problem : ContinuousBenchmarkProblem
{
    /// <summary>
    /// The exact minimum, to double precision: Newton's method on the gradient at 50 digits (mpmath) from the
    /// literature minimiser gives -3.86278214782075509654...; the usual -3.86278214782076 rounds it up by 5e-15.
    /// </summary>
    public const double Optimum = -3.862782147820755;

    // Summing four rounded exponentials can land a few units in the last place (8.9e-16 seen) under the exact
    // minimum; f* is lowered by a bound on that so that regret is never negative.
    private const double RoundingAllowance = 1e-14;

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] A =
    {
        { 3.0, 10, 30 },
        { 0.1, 10, 35 },
        { 3.0, 10, 30 },
        { 0.1, 10, 35 },
    };

    private static readonly double[,] P =
    {
        { 0.3689, 0.1170, 0.2673 },
        { 0.4699, 0.4387, 0.7470 },
        { 0.1091, 0.8732, 0.5547 },
        { 0.03815, 0.5743, 0.8828 },
    };

    /// <summary>Creates the problem.</summary>
    public Hartmann3Problem()
        : base("hartmann3", "Hartmann 3-d on [0,1]^3; one global minimum f* = -3.86278214782076", Repeat(0, 3), Repeat(1, 3), Optimum - RoundingAllowance,
            [0.11461433858967196, 0.55564884997185696, 0.85254695352086582])
    {
    }

    /// <inheritdoc />
    protected override double Compute(ReadOnlySpan<double> x, double? budget)
    {
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < 3; j++)
            {
                var d = x[j] - P[i, j];
                inner += A[i, j] * d * d;
            }
            sum += Alpha[i] * Math.Exp(-inner);
        }
        return -sum;
    }
}
