namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Where a multi-fidelity schedule gets new configurations: uniformly at random (Hyperband) or from a model
/// of the results so far (BOHB). Points are of the model view: raw values, choice indices, NaN where inactive.</summary>
internal interface IConfigurationSampler
{
    /// <summary>A new configuration, given the trials so far (points of the model view, each with the budget its
    /// schedule gave it).</summary>
    double[] Sample(TunerHistory<double[]> trials);
}
