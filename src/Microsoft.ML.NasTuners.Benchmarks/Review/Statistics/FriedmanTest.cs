using MathNet.Numerics.Distributions;

namespace Microsoft.ML.NasTuners.Benchmarks.Review;

/// <summary>
/// Friedman's rank test that k treatments (tuners) do alike over n blocks (problem × seed cells): the values of each
/// block are ranked (1 = smallest, ties sharing mid-ranks), and Q = SS_treatments / SS_error, with
/// SS_treatments = n Σ_j (R̄_j − (k+1)/2)² and SS_error = Σ_ij (r_ij − (k+1)/2)² / (n (k − 1)), is compared with a
/// chi-square of k − 1 degrees of freedom. Without ties Q is the textbook 12 / (n k (k+1)) Σ_j R_j² − 3 n (k+1); the
/// general form corrects for ties.
/// </summary>
public static class FriedmanTest
{
    /// <summary>Tests the blocks.</summary>
    /// <param name="blocks">One row per block, one value per treatment (the same order in every row); lower is better.</param>
    /// <exception cref="ArgumentException">Fewer than two blocks or treatments, or rows of different lengths.</exception>
    public static FriedmanResult Test(IReadOnlyList<IReadOnlyList<double>> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count < 2) throw new ArgumentException("The Friedman test needs at least two blocks.", nameof(blocks));
        var k = blocks[0].Count;
        if (k < 2) throw new ArgumentException("The Friedman test needs at least two treatments.", nameof(blocks));
        if (blocks.Any(b => b.Count != k)) throw new ArgumentException($"Every block needs {k} values, one per treatment.", nameof(blocks));

        var n = blocks.Count;
        var ranks = blocks.Select(TiedRanks.Of).ToArray();
        var meanRanks = Enumerable.Range(0, k).Select(j => ranks.Average(r => r[j])).ToArray();
        var centre = (k + 1) / 2.0;
        var treatments = n * meanRanks.Sum(r => (r - centre) * (r - centre));
        var error = ranks.Sum(row => row.Sum(r => (r - centre) * (r - centre))) / (n * (k - 1.0));
        // Every block tied throughout: no evidence of any difference.
        var statistic = error == 0 ? 0 : treatments / error;
        var p = statistic == 0 ? 1 : 1 - ChiSquared.CDF(k - 1, statistic);
        return new FriedmanResult(statistic, k - 1, p, meanRanks, n);
    }
}

/// <summary>The result of <see cref="FriedmanTest"/>.</summary>
/// <param name="Statistic">Q, the tie-corrected Friedman statistic.</param>
/// <param name="DegreesOfFreedom">k − 1.</param>
/// <param name="PValue">P(χ²_{k−1} ≥ Q).</param>
/// <param name="MeanRanks">The mean rank of each treatment, in the blocks' order.</param>
/// <param name="Blocks">n, the number of blocks.</param>
public sealed record FriedmanResult(double Statistic, int DegreesOfFreedom, double PValue, IReadOnlyList<double> MeanRanks, int Blocks);
