using Microsoft.ML.NasTuners.Surrogates;
using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Acquisition.Gp;

/// <summary>
/// Expected improvement averaged over several GPs — one per hyper-parameter sample and, when trials are pending, per
/// fantasy of their outcomes (Snoek et al. 2012): log(mean_s EI_s(x)). Each GP's improvement is measured from the
/// lowest posterior mean at its own inputs, which is robust to noise. With cost models (GPs on the log of trial
/// durations) it becomes EI per second: the log of the expected duration, averaged over the cost models, is subtracted.
/// </summary>
public sealed class IntegratedExpectedImprovement : IDifferentiableAcquisition
{
    private readonly GaussianProcess<double[]>[] _models;
    private readonly double[] _best;
    private readonly GaussianProcess<double[]>[] _costModels;

    /// <summary>Creates the acquisition.</summary>
    /// <param name="models">The GPs of the loss, all over the same inputs; at least one.</param>
    /// <param name="costModels">GPs of the log duration of a trial for EI per second; empty or null for plain EI.</param>
    public IntegratedExpectedImprovement(IReadOnlyList<GaussianProcess<double[]>> models, IReadOnlyList<GaussianProcess<double[]>>? costModels = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0) throw new ArgumentException("At least one model is needed.", nameof(models));
        if (models.Any(m => m.Kernel is not IDifferentiableKernel))
            throw new ArgumentException($"Every model needs an {nameof(IDifferentiableKernel)}.", nameof(models));
        _models = models.ToArray();
        _costModels = costModels?.ToArray() ?? [];
        Dimension = ((IDifferentiableKernel)_models[0].Kernel).Dimension;
        if (_models.Concat(_costModels).Any(m => ((IDifferentiableKernel)m.Kernel).Dimension != Dimension))
            throw new ArgumentException("All models must take inputs of the same dimension.", nameof(models));
        _best = _models.Select(m => m.FittedMeans().Min()).ToArray();
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The number of loss models averaged over.</summary>
    public int ModelCount => _models.Length;

    /// <summary>True when the value is EI per second.</summary>
    public bool IsCostAware => _costModels.Length > 0;

    /// <inheritdoc />
    public double[] Evaluate(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var m = points.Count;
        var logs = new double[_models.Length][];
        for (var s = 0; s < _models.Length; s++)
        {
            var prediction = _models[s].Predict(points);
            var row = new double[m];
            for (var j = 0; j < m; j++)
                row[j] = ExpectedImprovement.LogWithGradient(prediction.Mean[j], Math.Sqrt(prediction.Variance[j]), _best[s], out _, out _);
            logs[s] = row;
        }
        var result = new double[m];
        var column = new double[_models.Length];
        for (var j = 0; j < m; j++)
        {
            for (var s = 0; s < _models.Length; s++) column[s] = logs[s][j];
            result[j] = LogMeanExp.Of(column);
        }
        foreach (var cost in _costModels)
        {
            var prediction = cost.Predict(points);
            for (var j = 0; j < m; j++) result[j] -= prediction.Mean[j] / _costModels.Length;
        }
        return result;
    }

    /// <inheritdoc />
    public double EvaluateWithGradient(double[] x, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(x);
        var d = Dimension;
        var logs = new double[_models.Length];
        var gradients = new double[_models.Length * d];
        var meanGradient = new double[d];
        var varianceGradient = new double[d];
        for (var s = 0; s < _models.Length; s++)
        {
            var (mean, variance) = _models[s].PredictWithGradient(x, meanGradient, varianceGradient);
            var sd = Math.Sqrt(variance);
            logs[s] = ExpectedImprovement.LogWithGradient(mean, sd, _best[s], out var dMean, out var dSd);
            // dσ/dv = 1/(2σ).
            var dVariance = dSd / (2 * sd);
            for (var c = 0; c < d; c++) gradients[s * d + c] = dMean * meanGradient[c] + dVariance * varianceGradient[c];
        }
        var value = LogMeanExp.Of(logs);
        gradient[..d].Clear();
        if (double.IsFinite(value))
        {
            // ∇ log mean exp(l_s) = Σ softmax(l)_s ∇l_s.
            for (var s = 0; s < _models.Length; s++)
            {
                var weight = Math.Exp(logs[s] - value) / _models.Length;
                if (weight == 0) continue;
                for (var c = 0; c < d; c++) gradient[c] += weight * gradients[s * d + c];
            }
        }
        foreach (var cost in _costModels)
        {
            var (mean, _) = cost.PredictWithGradient(x, meanGradient, varianceGradient);
            value -= mean / _costModels.Length;
            for (var c = 0; c < d; c++) gradient[c] -= meanGradient[c] / _costModels.Length;
        }
        return value;
    }
}
