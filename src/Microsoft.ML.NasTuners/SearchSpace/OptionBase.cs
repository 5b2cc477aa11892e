namespace Microsoft.ML.NasTuners;

/// <summary>
/// One entry of a search space. Every option maps its values to a slice of the AutoML feature space
/// <c>[0,1]^FeatureSpaceDim</c> and back.
/// </summary>
public abstract class OptionBase
{
    /// <summary>The number of feature-space dimensions this option uses.</summary>
    public abstract int FeatureSpaceDim { get; }

    /// <summary>The feature-space point of this option's default value.</summary>
    public abstract double[] Default { get; }

    /// <summary>The value at a point of the feature space (each coordinate in [0,1]).</summary>
    public abstract Parameter SampleFromFeatureSpace(double[] feature);

    /// <summary>The feature-space point of a value; exact inverse of <see cref="SampleFromFeatureSpace"/> on valid values.</summary>
    public abstract double[] MappingToFeatureSpace(Parameter parameter);

    /// <summary>Adds this option's typed dimensions to the model view.</summary>
    internal abstract void AddDimensions(ModelViewBuilder builder, DimensionPlace place, DimensionCondition? condition);

    /// <summary>Checks a feature vector's length and range, naming the problem.</summary>
    protected void CheckFeature(double[] feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (feature.Length != FeatureSpaceDim)
            throw new ArgumentException($"Expected a feature vector of length {FeatureSpaceDim}, got {feature.Length}.", nameof(feature));
        foreach (var x in feature)
        {
            if (!(x >= 0 && x <= 1))
                throw new ArgumentOutOfRangeException(nameof(feature), x, "Feature-space coordinates must lie in [0, 1].");
        }
    }
}
