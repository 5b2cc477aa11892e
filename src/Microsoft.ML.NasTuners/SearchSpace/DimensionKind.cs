namespace Microsoft.ML.NasTuners;

/// <summary>The type of a dimension of the model view.</summary>
public enum DimensionKind
{
    /// <summary>A real number in [Lower, Upper] (log-scaled when <see cref="Dimension.IsLog"/>).</summary>
    Continuous,
    /// <summary>A whole number in [Lower, Upper] (log-scaled when <see cref="Dimension.IsLog"/>).</summary>
    Integer,
    /// <summary>One of <see cref="Dimension.ChoiceCount"/> unordered values, encoded by index.</summary>
    Categorical,
}
