using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>Posterior predictions with their gradient with respect to the input, for GPs over points of R^d whose
/// kernel is an <see cref="IDifferentiableKernel"/> (what gradient-based acquisition optimisation needs).</summary>
public static class GaussianProcessGradients
{
    /// <summary>
    /// The posterior mean and variance of the latent function at <paramref name="x"/> (original units), with their
    /// gradients written into <paramref name="meanGradient"/> and <paramref name="varianceGradient"/>.
    /// </summary>
    public static (double Mean, double Variance) PredictWithGradient(this GaussianProcess<double[]> gp, double[] x,
        Span<double> meanGradient, Span<double> varianceGradient)
    {
        ArgumentNullException.ThrowIfNull(gp);
        ArgumentNullException.ThrowIfNull(x);
        if (gp.Kernel is not IDifferentiableKernel kernel)
            throw new InvalidOperationException($"Input gradients need an {nameof(IDifferentiableKernel)}; the kernel is {gp.Kernel.GetType().Name}.");
        var n = gp.Count;
        var d = kernel.Dimension;
        var alpha = gp.Alpha;
        var values = new double[n];
        var gradients = new double[n * d];
        kernel.CrossCovarianceWithGradient(x, gp.Inputs, values, gradients);
        var k = Vector<double>.Build.Dense(values);
        var solved = gp.Factorisation.Solve(k);
        var prior = kernel.VarianceWithGradient(x, varianceGradient);
        double mean = 0;
        double explained = 0;
        meanGradient[..d].Clear();
        for (var i = 0; i < n; i++)
        {
            mean += values[i] * alpha[i];
            explained += values[i] * solved[i];
            var a = alpha[i];
            var s = 2 * solved[i];
            for (var c = 0; c < d; c++)
            {
                var g = gradients[i * d + c];
                meanGradient[c] += a * g;
                // d(kᵀK⁻¹k)/dx = 2 (K⁻¹k)ᵀ dk/dx.
                varianceGradient[c] -= s * g;
            }
        }
        var scale = gp.OutputScale;
        var variance = prior - explained;
        for (var c = 0; c < d; c++)
        {
            meanGradient[c] *= scale;
            varianceGradient[c] = variance > GaussianProcess<double[]>.MinimumVariance ? varianceGradient[c] * scale * scale : 0;
        }
        return (gp.OutputMean + scale * (gp.Mean.Value + mean), scale * scale * Math.Max(variance, GaussianProcess<double[]>.MinimumVariance));
    }
}
