namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>The experiment's whole space: what our tuner searches, whether AutoML sub-samples the training set (the
/// budget of a multi-fidelity tuner), and the way back to an AutoML parameter.</summary>
internal sealed class ExperimentTranslation(NestedSpaceTranslation root, SubSamplingTranslation? subSampling)
{
    /// <summary>The space our tuner searches (the sub-sampling ratio left out).</summary>
    public SearchSpace Ours => root.Ours;

    /// <summary>The sub-sampling ratio, or null when the experiment's dataset is not sub-sampled.</summary>
    public SubSamplingTranslation? SubSampling => subSampling;

    /// <summary>The full AutoML parameter of our proposal <paramref name="ours"/>.</summary>
    public object ToAutoML(Parameter ours, double subSamplingRatio) => root.ToAutoML(ours, subSamplingRatio);
}
