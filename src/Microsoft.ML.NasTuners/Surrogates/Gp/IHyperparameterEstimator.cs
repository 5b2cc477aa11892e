namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// Chooses GP hyper-parameters given the data: one setting (a point estimate) or several equally weighted settings
/// (samples from the posterior), over which predictions and acquisitions are then averaged. Estimators may keep state
/// between calls (a warm start from the previous trial's estimate or chain).
/// </summary>
public interface IHyperparameterEstimator
{
    /// <summary>Returns hyper-parameter vectors (Theta values, in the order of
    /// <see cref="GaussianProcess{TInput}.Hyperparameters"/>) for <paramref name="gp"/>, which must have data. The GP's
    /// own hyper-parameters are left at one of the returned settings.</summary>
    IReadOnlyList<double[]> Estimate<TInput>(GaussianProcess<TInput> gp, Random random);

    /// <summary>As <see cref="Estimate{TInput}(GaussianProcess{TInput}, Random)"/>, giving up with an
    /// <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/> is cancelled.</summary>
    IReadOnlyList<double[]> Estimate<TInput>(GaussianProcess<TInput> gp, Random random, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Estimate(gp, random);
    }
}
