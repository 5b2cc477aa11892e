namespace Microsoft.ML.SearchSpace.Option;

public sealed class UniformSingleOption : UniformNumericOption
{
    public UniformSingleOption(float min, float max, bool logBase = false, float? defaultValue = null)
        : base(min, max, logBase) => SetDefault(defaultValue);

    private protected override Parameter FromValue(double value) => Parameter.FromFloat((float)value);
}
