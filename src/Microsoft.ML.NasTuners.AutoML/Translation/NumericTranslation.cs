namespace Microsoft.ML.NasTuners.AutoML;

/// <summary>AutoML's <c>UniformIntOption</c>, <c>UniformSingleOption</c> or <c>UniformDoubleOption</c>: the same range,
/// scale and default on our side; values go back with the AutoML option's own type (ints as ints).</summary>
internal sealed class NumericTranslation : IOptionTranslation
{
    private readonly AutoMLParameters _parameters;
    private readonly string _kind;
    private readonly object _default;

    private NumericTranslation(AutoMLParameters parameters, string kind, OptionBase ours, object autoMLDefault)
    {
        _parameters = parameters;
        _kind = kind;
        Ours = ours;
        _default = autoMLDefault;
    }

    public OptionBase Ours { get; }

    public double Min => ((UniformNumericOption)Ours).Min;

    public double Max => ((UniformNumericOption)Ours).Max;

    /// <summary>True when <paramref name="option"/> is one of AutoML's numeric options.</summary>
    public static bool Handles(object option) =>
        AutoMLOptions.KindOf(option) is "UniformIntOption" or "UniformSingleOption" or "UniformDoubleOption";

    public static NumericTranslation From(object option, AutoMLParameters parameters)
    {
        var kind = AutoMLOptions.KindOf(option);
        var min = Reflected.Get<double>(option, "Min");
        var max = Reflected.Get<double>(option, "Max");
        var log = Reflected.Get<bool>(option, "LogBase");
        var autoMLDefault = AutoMLOptions.DefaultSample(option);
        var value = Math.Clamp(parameters.AsDouble(autoMLDefault), min, max);
        OptionBase ours = kind switch
        {
            "UniformIntOption" => new UniformIntOption((int)min, (int)max, log, (int)Math.Round(value)),
            "UniformSingleOption" => new UniformSingleOption((float)min, (float)max, log, (float)value),
            _ => new UniformDoubleOption(min, max, log, value),
        };
        return new NumericTranslation(parameters, kind, ours, autoMLDefault);
    }

    public object ToAutoML(Parameter? ours, double subSamplingRatio) => ours is null ? _default : ValueOf(ours.AsDouble());

    /// <summary>The AutoML parameter holding <paramref name="value"/> (clamped to the range) in this option's type.</summary>
    public object ValueOf(double value)
    {
        value = Math.Clamp(value, Min, Max);
        return _kind switch
        {
            "UniformIntOption" => _parameters.FromInt((int)Math.Round(value)),
            "UniformSingleOption" => _parameters.FromFloat((float)value),
            _ => _parameters.FromDouble(value),
        };
    }
}
