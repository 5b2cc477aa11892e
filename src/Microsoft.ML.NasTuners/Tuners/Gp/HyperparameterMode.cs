namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>How <see cref="GpTuner"/> deals with the hyper-parameters of its Gaussian process.</summary>
public enum HyperparameterMode
{
    /// <summary>Integrate them out: slice-sample their posterior and average the acquisition over the samples
    /// (Spearmint). Robust when data are few; several times slower than <see cref="Map"/>.</summary>
    SliceSampling,

    /// <summary>Use their most probable value (maximum a posteriori, by L-BFGS-B with restarts). Faster.</summary>
    Map,
}
