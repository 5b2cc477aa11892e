namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Where a multi-fidelity schedule gets new configurations: uniformly at random (Hyperband) or from a model
/// of the results so far (BOHB). Points are of the model view: raw values, choice indices, NaN where inactive.</summary>
internal interface IConfigurationSampler
{
    /// <summary>A new configuration.</summary>
    double[] Sample();

    /// <summary>Learns how a configuration did at a budget; <paramref name="loss"/> is NaN when the trial gave no
    /// usable loss.</summary>
    void Observe(double[] point, double budget, double loss);
}
