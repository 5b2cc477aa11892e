using MathNet.Numerics.Distributions;

namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// Wilcoxon's signed-rank test that paired differences are symmetric about zero, two-sided. Zero differences are
/// dropped (Wilcoxon's rule); the absolute differences are ranked with mid-ranks for ties; W+ is the sum of the ranks
/// of the positive differences. Up to <see cref="ExactLimit"/> pairs the p-value is exact: the distribution of W+
/// over all 2^n sign patterns of these very ranks (so exact with ties too), counted by dynamic programming on doubled
/// ranks. Beyond, the normal approximation with mean n(n+1)/4, variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over tie
/// groups of size t, and a continuity correction of 1/2.
/// </summary>
public static class WilcoxonSignedRankTest
{
    /// <summary>The most non-zero differences for which the p-value is exact.</summary>
    public const int ExactLimit = 50;

    /// <summary>Tests the differences <paramref name="differences"/> (for example x_i − y_i).</summary>
    /// <exception cref="ArgumentException">A difference is NaN.</exception>
    public static WilcoxonResult Test(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Any(double.IsNaN)) throw new ArgumentException("A difference is NaN.", nameof(differences));
        var nonZero = differences.Where(d => d != 0).ToArray();
        var n = nonZero.Length;
        if (n == 0) return new WilcoxonResult(0, 0, 0, 1, Exact: true);
        var ranks = TiedRanks.Of(nonZero.Select(Math.Abs).ToArray());
        var plus = Enumerable.Range(0, n).Where(i => nonZero[i] > 0).Sum(i => ranks[i]);
        var minus = n * (n + 1) / 2.0 - plus;
        var p = n <= ExactLimit ? ExactP(ranks, plus) : NormalP(ranks, plus);
        return new WilcoxonResult(plus, minus, n, Math.Min(1, p), Exact: n <= ExactLimit);
    }

    // Mid-ranks are whole or half numbers, so doubled they are whole: count the sign patterns by their doubled W+.
    private static double ExactP(double[] ranks, double plus)
    {
        var doubled = ranks.Select(r => (int)Math.Round(2 * r)).ToArray();
        var total = doubled.Sum();
        var ways = new double[total + 1];
        ways[0] = 1;
        var reached = 0;
        foreach (var r in doubled)
        {
            for (var s = reached; s >= 0; s--) ways[s + r] += ways[s];
            reached += r;
        }
        var patterns = Math.Pow(2, ranks.Length);
        var observed = (int)Math.Round(2 * plus);
        // W+ is symmetric about its mean, so the two tails are alike: twice the smaller one.
        var lower = ways.Take(observed + 1).Sum() / patterns;
        var upper = ways.Skip(observed).Sum() / patterns;
        return 2 * Math.Min(lower, upper);
    }

    private static double NormalP(double[] ranks, double plus)
    {
        var n = ranks.Length;
        var mean = n * (n + 1) / 4.0;
        var ties = ranks.GroupBy(r => r).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var variance = n * (n + 1) * (2 * n + 1) / 24.0 - ties / 48.0;
        var z = Math.Max(0, Math.Abs(plus - mean) - 0.5) / Math.Sqrt(variance);
        return 2 * (1 - Normal.CDF(0, 1, z));
    }
}

/// <summary>The result of <see cref="WilcoxonSignedRankTest"/>.</summary>
/// <param name="PlusRankSum">W+, the rank sum of the positive differences.</param>
/// <param name="MinusRankSum">W−, the rank sum of the negative differences.</param>
/// <param name="Pairs">The number of non-zero differences.</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="Exact">True when the p-value is exact, false when it is the normal approximation.</param>
public sealed record WilcoxonResult(double PlusRankSum, double MinusRankSum, int Pairs, double PValue, bool Exact);
