namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>
/// The space AutoML adds with <c>SetDataset(train, validation, subSamplingTrainDataset: true)</c>:
/// <c>{"TrainValidateDatasetManager": {"TrainValidateDatasetSubsamplingKey": ratio}}</c>, the fraction of the training
/// set a trial trains on. It is a fidelity, not a hyper-parameter: no tuner searches it; the bridge writes a
/// multi-fidelity tuner's budget into it, and the full training set for the others.
/// </summary>
internal sealed class SubSamplingTranslation : IOptionTranslation
{
    /// <summary>The key AutoML adds the space under (<c>nameof(TrainValidateDatasetManager)</c>).</summary>
    public const string SpaceKey = "TrainValidateDatasetManager";

    /// <summary>The ratio's key inside that space (<c>TrainValidateDatasetManager.SubSamplingKey</c>).</summary>
    public const string RatioKey = "TrainValidateDatasetSubsamplingKey";

    private readonly AutoMLParameters _parameters;
    private readonly NumericTranslation _ratio;

    private SubSamplingTranslation(AutoMLParameters parameters, NumericTranslation ratio)
    {
        _parameters = parameters;
        _ratio = ratio;
    }

    public OptionBase? Ours => null;

    /// <summary>The largest ratio the option allows: the full training set.</summary>
    public double MaxRatio => _ratio.Max;

    /// <summary>The translation when <paramref name="option"/>, found under <paramref name="key"/> of the experiment's
    /// space, is the sub-sampling space; null otherwise.</summary>
    public static SubSamplingTranslation? TryFrom(string key, object option, AutoMLParameters parameters)
    {
        if (key != SpaceKey || !AutoMLOptions.IsSearchSpace(option)) return null;
        var entries = AutoMLOptions.Entries(option).ToList();
        return entries is [{ Key: RatioKey, Value: var ratio }] && NumericTranslation.Handles(ratio)
            ? new SubSamplingTranslation(parameters, NumericTranslation.From(ratio, parameters))
            : null;
    }

    public object ToAutoML(Parameter? ours, double subSamplingRatio)
    {
        var result = _parameters.CreateNested();
        _parameters.Set(result, RatioKey, _ratio.ValueOf(subSamplingRatio));
        return result;
    }
}
