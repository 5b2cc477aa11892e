using MathNet.Numerics.Optimization;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// Warps losses before a GP models them: z-scores, then the Yeo–Johnson power transform with the λ that makes the
/// warped values most nearly normal (maximum likelihood), limited to λ ≤ 1 so that only large (bad) losses are
/// compressed and the region near the minimum is never squeezed. Heavy-tailed objectives (Goldstein–Price spans
/// 3 to 10^6) then look stationary to the kernel; already symmetric ones get λ ≈ 1, the identity. The map is
/// increasing, so the order of losses, and hence which is best, is kept.
/// </summary>
public sealed class YeoJohnsonOutputWarping
{
    private const int GridSize = 41;

    /// <summary>Creates the warping.</summary>
    /// <param name="minLambda">The smallest λ (strongest compression); default -1.</param>
    /// <param name="maxLambda">The largest λ; default 1 (the identity).</param>
    public YeoJohnsonOutputWarping(double minLambda = -1, double maxLambda = 1)
    {
        if (!(minLambda < maxLambda) || !double.IsFinite(minLambda) || !double.IsFinite(maxLambda))
            throw new ArgumentException($"Need finite minLambda < maxLambda, got [{minLambda}, {maxLambda}].", nameof(minLambda));
        MinLambda = minLambda;
        MaxLambda = maxLambda;
    }

    /// <summary>The smallest λ.</summary>
    public double MinLambda { get; }

    /// <summary>The largest λ.</summary>
    public double MaxLambda { get; }

    /// <summary>The fitted λ (1, the identity, until fitted).</summary>
    public double Lambda { get; private set; } = 1;

    /// <summary>The centre subtracted before the power transform.</summary>
    public double Location { get; private set; }

    /// <summary>The scale divided out before the power transform.</summary>
    public double Scale { get; private set; } = 1;

    /// <summary>Fits the z-score and λ to the losses.</summary>
    public void Fit(IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (losses.Count == 0 || losses.Any(v => !double.IsFinite(v)))
            throw new ArgumentException("Losses must be finite and at least one.", nameof(losses));
        Location = losses.Average();
        var sd = Math.Sqrt(losses.Sum(v => (v - Location) * (v - Location)) / losses.Count);
        Scale = sd > 0 ? sd : 1;
        var z = losses.Select(v => (v - Location) / Scale).ToArray();
        if (z.Length < 3 || sd == 0)
        {
            Lambda = MaxLambda;
            return;
        }
        // A grid finds the best bracket (the likelihood may be flat or peak at a bound); golden section refines inside it.
        var step = (MaxLambda - MinLambda) / (GridSize - 1);
        var best = Enumerable.Range(0, GridSize).MaxBy(k => LogLikelihood(z, MinLambda + k * step));
        Lambda = MinLambda + best * step;
        if (best == 0 || best == GridSize - 1) return;
        try
        {
            var result = GoldenSectionMinimizer.Minimum(ObjectiveFunction.ScalarValue(l => -LogLikelihood(z, l)),
                Lambda - step, Lambda + step, xTolerance: 1e-4, maxExpansionSteps: 0);
            if (result.MinimizingPoint >= MinLambda && result.MinimizingPoint <= MaxLambda) Lambda = result.MinimizingPoint;
        }
        catch (Exception e) when (e is OptimizationException or MaximumIterationsException)
        {
            // The grid value stands.
        }
    }

    /// <summary>The warped value of a loss.</summary>
    public double Transform(double loss) => PowerTransform((loss - Location) / Scale, Lambda);

    /// <summary>The Yeo–Johnson transform of <paramref name="z"/> with parameter <paramref name="lambda"/>.</summary>
    public static double PowerTransform(double z, double lambda)
    {
        if (z >= 0)
            return Math.Abs(lambda) < 1e-12 ? Math.Log(1 + z) : (Math.Pow(1 + z, lambda) - 1) / lambda;
        return Math.Abs(lambda - 2) < 1e-12 ? -Math.Log(1 - z) : -(Math.Pow(1 - z, 2 - lambda) - 1) / (2 - lambda);
    }

    // The profile log likelihood of λ under a normal model of the transformed values (variance at its MLE), with the
    // log Jacobian of the transform.
    private static double LogLikelihood(double[] z, double lambda)
    {
        var t = z.Select(v => PowerTransform(v, lambda)).ToArray();
        var mean = t.Average();
        var variance = t.Sum(v => (v - mean) * (v - mean)) / t.Length;
        if (!(variance > 0)) return double.NegativeInfinity;
        var jacobian = z.Sum(v => Math.Sign(v) * Math.Log(1 + Math.Abs(v)));
        return -0.5 * t.Length * Math.Log(variance) + (lambda - 1) * jacobian;
    }
}
