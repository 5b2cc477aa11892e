namespace Microsoft.ML.SearchSpace.Option;

/// <summary>The twin of AutoML's option: a slice <c>[0,1]^FeatureSpaceDim</c> of the feature space and back.</summary>
public abstract class OptionBase
{
    public abstract double[] MappingToFeatureSpace(Parameter param);

    public abstract Parameter SampleFromFeatureSpace(double[] values);

    public abstract int FeatureSpaceDim { get; }

    public virtual double[]? Default { get; protected set; }

    public abstract int?[] Step { get; }
}
