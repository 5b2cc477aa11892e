using Microsoft.ML.NasTuners.Benchmarks;

namespace Microsoft.ML.NasTuners.Benchmarks.Tests;

/// <summary>
/// Looks for the lowest value a problem's code computes: near a minimiser (a pattern search whose steps shrink to the
/// last bits of a double, then tiny random nudges) and over the whole box (uniform random points). Floating-point
/// rounding can take a computed value under the exact minimum; f* must allow for it.
/// </summary>
internal static class MinimumProbe
{
    public static double LowestNear(ContinuousBenchmarkProblem problem, IReadOnlyList<double> start, int nudges = 5_000, int seed = 1)
    {
        var x = start.ToArray();
        var fx = problem.Evaluate(x);
        var lowest = fx;
        for (var step = 1e-5; step > 1e-17; step /= 2)
        {
            bool improved;
            do
            {
                improved = false;
                for (var j = 0; j < x.Length; j++)
                {
                    foreach (var sign in (ReadOnlySpan<double>)[1.0, -1.0])
                    {
                        var y = (double[])x.Clone();
                        y[j] = Math.Clamp(y[j] + sign * step, problem.Lower[j], problem.Upper[j]);
                        var fy = problem.Evaluate(y);
                        if (fy < fx)
                        {
                            (x, fx, improved) = (y, fy, true);
                        }
                    }
                }
            } while (improved);
        }
        lowest = Math.Min(lowest, fx);
        var random = new Random(seed);
        var z = new double[x.Length];
        for (var k = 0; k < nudges; k++)
        {
            var scale = Math.Pow(10, -6 - 10 * random.NextDouble());
            for (var j = 0; j < z.Length; j++)
                z[j] = Math.Clamp(x[j] + scale * (2 * random.NextDouble() - 1), problem.Lower[j], problem.Upper[j]);
            lowest = Math.Min(lowest, problem.Evaluate(z));
        }
        return lowest;
    }

    public static double LowestAtRandom(ContinuousBenchmarkProblem problem, int points = 20_000, int seed = 2)
    {
        var random = new Random(seed);
        var x = new double[problem.Dimension];
        var lowest = double.PositiveInfinity;
        for (var k = 0; k < points; k++)
        {
            for (var j = 0; j < x.Length; j++)
                x[j] = problem.Lower[j] + random.NextDouble() * (problem.Upper[j] - problem.Lower[j]);
            lowest = Math.Min(lowest, problem.Evaluate(x));
        }
        return lowest;
    }
}
