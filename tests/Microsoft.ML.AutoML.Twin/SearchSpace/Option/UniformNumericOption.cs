namespace Microsoft.ML.SearchSpace.Option;

/// <summary>(x - min) / (max - min), in log space when <see cref="LogBase"/>.</summary>
public abstract class UniformNumericOption : OptionBase
{
    protected UniformNumericOption(double min, double max, bool logBase = false)
    {
        if (!(min < max)) throw new ArgumentException("min must be less than max", nameof(min));
        if (logBase && min <= 0) throw new ArgumentException("a log scale needs min > 0", nameof(min));
        Min = min;
        Max = max;
        LogBase = logBase;
        Default = [0];
    }

    public double Min { get; }

    public double Max { get; }

    public bool LogBase { get; }

    public override int FeatureSpaceDim => 1;

    public override int?[] Step => [null];

    public override double[] MappingToFeatureSpace(Parameter param) => ToFeature(param.AsType<double>());

    private double[] ToFeature(double x)
    {
        if (!(x >= Min && x <= Max)) throw new ArgumentOutOfRangeException(nameof(x), x, $"outside [{Min}, {Max}]");
        return [LogBase ? (Math.Log(x) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (x - Min) / (Max - Min)];
    }

    public override Parameter SampleFromFeatureSpace(double[] values)
    {
        if (values.Length != 1 || !(values[0] >= 0 && values[0] <= 1)) throw new ArgumentException("a value in [0, 1]", nameof(values));
        var x = LogBase ? Math.Exp(Math.Log(Min) + values[0] * (Math.Log(Max) - Math.Log(Min))) : Min + values[0] * (Max - Min);
        return FromValue(Math.Clamp(x, Min, Max));
    }

    private protected abstract Parameter FromValue(double value);

    private protected void SetDefault(double? value)
    {
        if (value is { } v) Default = ToFeature(v);
    }
}
