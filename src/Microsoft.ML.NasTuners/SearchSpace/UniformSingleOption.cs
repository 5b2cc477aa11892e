namespace Microsoft.ML.NasTuners;

/// <summary>A 32-bit floating-point number in [min, max], uniform or log-uniform.</summary>
public sealed class UniformSingleOption : UniformNumericOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="min">Smallest value.</param>
    /// <param name="max">Largest value.</param>
    /// <param name="logBase">Spread values uniformly in log space; needs min &gt; 0.</param>
    /// <param name="defaultValue">Default value; min when null.</param>
    public UniformSingleOption(float min, float max, bool logBase = false, float? defaultValue = null)
        : base(min, max, logBase, defaultValue, isInteger: false)
    {
    }

    private protected override double Canonical(double value) => (float)value;

    private protected override Parameter CreateParameter(double value) =>
        Parameter.FromFloat((float)Math.Clamp((float)value, (float)Min, (float)Max));
}
