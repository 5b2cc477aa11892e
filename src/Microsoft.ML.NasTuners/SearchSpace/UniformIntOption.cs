namespace Microsoft.ML.NasTuners;

/// <summary>A whole number in [min, max], uniform or log-uniform. Every integer of the range round-trips exactly
/// through the feature space.</summary>
public sealed class UniformIntOption : UniformNumericOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="min">Smallest value.</param>
    /// <param name="max">Largest value (inclusive).</param>
    /// <param name="logBase">Spread values uniformly in log space; needs min &gt;= 1.</param>
    /// <param name="defaultValue">Default value; min when null.</param>
    public UniformIntOption(int min, int max, bool logBase = false, int? defaultValue = null)
        : base(min, max, logBase, defaultValue, isInteger: true)
    {
    }

    /// <inheritdoc />
    public override double[] MappingToFeatureSpace(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var value = parameter.AsDouble();
        if (value != Math.Round(value))
            throw new ArgumentException($"Value {value} is not a whole number.", nameof(parameter));
        return base.MappingToFeatureSpace(parameter);
    }

    private protected override Parameter CreateParameter(double value) => Parameter.FromInt((long)value);
}
