using Microsoft.ML.NasTuners.Surrogates.Gp;

namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// A <see cref="GaussianProcess{TInput}"/> over some form of the architecture (its token string, its graph), with the
/// hyper-parameters chosen by an <see cref="IHyperparameterEstimator"/> (MAP by default). Pending trials are
/// conditioned on without re-estimating the hyper-parameters.
/// </summary>
/// <typeparam name="TInput">The form the kernel compares.</typeparam>
public sealed class GpArchitectureSurrogate<TInput> : IArchitectureSurrogate
{
    private readonly Func<Parameter, TInput> _read;
    private readonly IHyperparameterEstimator _estimator;
    private readonly GaussianProcess<TInput> _gp;
    private List<GaussianProcess<TInput>> _models = [];

    /// <summary>Creates the surrogate.</summary>
    /// <param name="read">Reads the kernel's input from a point (for example <c>encoding.ToTokens</c>).</param>
    /// <param name="kernel">The kernel (owned by the surrogate from here on).</param>
    /// <param name="estimator">The hyper-parameter estimator; null means MAP with 2 restarts every 5 fits.</param>
    public GpArchitectureSurrogate(Func<Parameter, TInput> read, IKernel<TInput> kernel, IHyperparameterEstimator? estimator = null)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        ArgumentNullException.ThrowIfNull(kernel);
        _gp = new GaussianProcess<TInput>(kernel);
        _estimator = estimator ?? new MapEstimator();
    }

    /// <summary>The GP at the last estimated hyper-parameters (the last sample when sampling); for inspection.</summary>
    public GaussianProcess<TInput> Model => _gp;

    /// <inheritdoc />
    public void Fit(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, Random random)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(random);
        _gp.Fit(points.Select(_read).ToArray(), losses);
        var thetas = _estimator.Estimate(_gp, random);
        _models = thetas.Select(theta =>
        {
            var model = _gp.Clone();
            model.SetTheta(theta);
            return model;
        }).ToList();
    }

    /// <inheritdoc />
    public void Believe(IReadOnlyList<Parameter> points, IReadOnlyList<double> losses, Random random)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) return;
        var x = points.Select(_read).ToArray();
        _models = _models.Select(m => m.Condition(x, losses)).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<ArchitecturePrediction> Predict(IReadOnlyList<Parameter> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (_models.Count == 0) throw new InvalidOperationException("The surrogate is not fitted: call Fit first.");
        var x = points.Select(_read).ToArray();
        return _models.Select(m =>
        {
            var p = m.Predict(x);
            return new ArchitecturePrediction(p.Mean, p.Variance);
        }).ToList();
    }
}
