namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>The kernels of all components of a <see cref="ParzenEstimator"/> along one dimension, stored as arrays
/// over components so that evaluating one value against every component is a tight loop.</summary>
internal abstract class ParzenKernels
{
    /// <summary>Adds log k_c(value) to <paramref name="accumulator"/>[c] for every component c. Returns false (and
    /// leaves the accumulator in any state) when the value lies outside the dimension, where every kernel is 0.</summary>
    public abstract bool AddLogKernels(double value, Span<double> accumulator);

    /// <summary>The log of the factor that turns a density over warped values into one over raw values
    /// (the same for every component, so it is added once per point).</summary>
    public virtual double LogJacobian(double value) => 0;

    /// <summary>A raw value drawn from component <paramref name="component"/>'s kernel.</summary>
    public abstract double Sample(Random random, int component);
}
