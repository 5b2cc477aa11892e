namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>One AutoML option seen from both sides: the option our tuners search, and how a value of it goes back as
/// the AutoML <c>Parameter</c> AutoML's own sampling would have produced.</summary>
internal interface IOptionTranslation
{
    /// <summary>The option our tuner searches; null for an entry the bridge sets itself (the sub-sampling ratio).</summary>
    OptionBase? Ours { get; }

    /// <summary>The AutoML value of our value <paramref name="ours"/>; null means the option is inactive (an estimator
    /// the chosen pipeline does not use), which takes AutoML's default.</summary>
    /// <param name="ours">Our value, or null.</param>
    /// <param name="subSamplingRatio">The fraction of the training set this trial uses.</param>
    object ToAutoML(Parameter? ours, double subSamplingRatio);
}
