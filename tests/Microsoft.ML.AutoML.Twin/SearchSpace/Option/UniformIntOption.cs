namespace Microsoft.ML.SearchSpace.Option;

/// <summary>An int is the floor of the double sample.</summary>
public sealed class UniformIntOption : UniformNumericOption
{
    public UniformIntOption(int min, int max, bool logBase = false, int? defaultValue = null)
        : base(min, max, logBase) => SetDefault(defaultValue);

    public override double[] MappingToFeatureSpace(Parameter param)
    {
        if (param.ParameterType != ParameterType.Integer) throw new ArgumentException($"{param} is not an integer", nameof(param));
        return base.MappingToFeatureSpace(param);
    }

    private protected override Parameter FromValue(double value) => Parameter.FromInt((int)Math.Floor(value));
}
