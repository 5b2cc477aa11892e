namespace Microsoft.ML.NasTuners;

/// <summary>
/// A number drawn uniformly from [min, max], or log-uniformly when <see cref="LogBase"/> is set.
/// Continuous values map linearly (or linearly in log space) onto [0,1]. Integers map to the centre of
/// equal-width cells, one per integer (in log space when log-scaled), so that every integer of the range
/// maps to the feature space and back to itself.
/// </summary>
public abstract class UniformNumericOption : OptionBase
{
    private protected UniformNumericOption(double min, double max, bool logBase, double? defaultValue, bool isInteger)
    {
        if (!double.IsFinite(min)) throw new ArgumentOutOfRangeException(nameof(min), min, "min must be a finite number.");
        if (!double.IsFinite(max)) throw new ArgumentOutOfRangeException(nameof(max), max, "max must be a finite number.");
        if (min > max) throw new ArgumentException($"min ({min}) must not be greater than max ({max}).", nameof(min));
        if (logBase && min <= 0)
            throw new ArgumentException($"A log-scaled range needs min > 0, got min = {min} (range [{min}, {max}]).", nameof(min));
        // Every model works on the range's width (or its log width): one that overflows would turn every point into
        // infinity or NaN.
        if (!double.IsFinite(max - min) || (isInteger && !double.IsFinite(max - min + 1)))
            throw new ArgumentException(
                $"The range [{min}, {max}] is too wide: its width {max - min} is not a finite number. Narrow it (or use a log scale on a positive range).",
                nameof(max));
        if (defaultValue is { } d && !(d >= min && d <= max))
            throw new ArgumentException($"defaultValue ({d}) lies outside the range [{min}, {max}].", nameof(defaultValue));
        Min = min;
        Max = max;
        LogBase = logBase;
        IsInteger = isInteger;
        DefaultValue = defaultValue ?? min;
    }

    /// <summary>The smallest value.</summary>
    public double Min { get; }

    /// <summary>The largest value.</summary>
    public double Max { get; }

    /// <summary>True when values are spread uniformly in log space.</summary>
    public bool LogBase { get; }

    /// <summary>True for whole-number options.</summary>
    public bool IsInteger { get; }

    /// <summary>The default value (min when none is given, as in ML.NET AutoML).</summary>
    public double DefaultValue { get; }

    /// <inheritdoc />
    public override int FeatureSpaceDim => 1;

    /// <inheritdoc />
    public override double[] Default => [ToFeature(DefaultValue)];

    /// <inheritdoc />
    public override Parameter SampleFromFeatureSpace(double[] feature)
    {
        CheckFeature(feature);
        return CreateParameter(FromFeature(feature[0]));
    }

    /// <inheritdoc />
    public override double[] MappingToFeatureSpace(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var value = Canonical(parameter.AsDouble());
        if (!(value >= Min && value <= Max))
            throw new ArgumentOutOfRangeException(nameof(parameter), value, $"Value lies outside the range [{Min}, {Max}].");
        return [ToFeature(value)];
    }

    /// <summary>The value as this option stores it (single precision for singles), so that a value read back from
    /// JSON maps to the same feature as the value that was written.</summary>
    private protected virtual double Canonical(double value) => value;

    /// <summary>Wraps a raw value (already rounded for integers) as a parameter of this option's type.</summary>
    private protected abstract Parameter CreateParameter(double value);

    /// <summary>The value at feature coordinate <paramref name="u"/> in [0,1].</summary>
    internal double FromFeature(double u)
    {
        u = Math.Clamp(u, 0, 1);
        if (IsInteger)
        {
            var (lo, hi) = IntegerEdges();
            var x = LogBase ? Math.Exp(lo + u * (hi - lo)) : lo + u * (hi - lo);
            return Math.Clamp(Math.Round(x, MidpointRounding.AwayFromZero), Min, Max);
        }
        if (Min == Max) return Min;
        var value = LogBase ? Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min))) : Min + u * (Max - Min);
        return Math.Clamp(value, Min, Max);
    }

    /// <summary>The feature coordinate of <paramref name="value"/>.</summary>
    internal double ToFeature(double value)
    {
        if (IsInteger)
        {
            var k = Math.Round(value, MidpointRounding.AwayFromZero);
            var (lo, hi) = IntegerEdges();
            var centre = LogBase ? 0.5 * (Math.Log(k - 0.5) + Math.Log(k + 0.5)) : k;
            return Math.Clamp((centre - lo) / (hi - lo), 0, 1);
        }
        if (Min == Max) return 0.5;
        var t = LogBase ? (Math.Log(value) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (value - Min) / (Max - Min);
        return Math.Clamp(t, 0, 1);
    }

    // Integers own the cell [k - 1/2, k + 1/2] (in log space when log-scaled; min >= 1 keeps k - 1/2 > 0).
    private (double Lo, double Hi) IntegerEdges() => LogBase
        ? (Math.Log(Min - 0.5), Math.Log(Max + 0.5))
        : (Min - 0.5, Max + 0.5);

    internal override void AddDimensions(ModelViewBuilder builder, DimensionPlace place, DimensionCondition? condition) =>
        builder.Add(new Dimension
        {
            Place = place,
            Kind = IsInteger ? DimensionKind.Integer : DimensionKind.Continuous,
            IsLog = LogBase,
            Lower = Min,
            Upper = Max,
            DefaultValue = DefaultValue,
            Condition = condition,
            ValueType = this switch
            {
                UniformIntOption => ParameterType.Integer,
                UniformSingleOption => ParameterType.Float,
                _ => ParameterType.Number,
            },
        });
}
