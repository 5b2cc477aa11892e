namespace Microsoft.ML.SearchSpace.Option;

public sealed class UniformDoubleOption : UniformNumericOption
{
    public UniformDoubleOption(double min, double max, bool logBase = false, double? defaultValue = null)
        : base(min, max, logBase) => SetDefault(defaultValue);

    private protected override Parameter FromValue(double value) => Parameter.FromDouble(value);
}
