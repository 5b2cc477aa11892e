namespace Microsoft.ML.NasTuners;

/// <summary>
/// One typed dimension of the model view of a search space. Values are raw: numbers in their own units,
/// categoricals as the index of the choice, inactive conditional dimensions as NaN.
/// </summary>
public sealed record Dimension
{
    /// <summary>Position in <see cref="ModelView.Dimensions"/>.</summary>
    public int Index { get; init; }

    /// <summary>Where the value lives in a parameter.</summary>
    public required DimensionPlace Place { get; init; }

    /// <summary>The unique readable name (see <see cref="DimensionPlace.Name"/>).</summary>
    public string Name => Place.Name;

    /// <summary>The key of the value in its containing object.</summary>
    public string Key => Place.Key;

    /// <summary>Continuous, integer or categorical.</summary>
    public required DimensionKind Kind { get; init; }

    /// <summary>True when a numeric dimension is log-scaled.</summary>
    public bool IsLog { get; init; }

    /// <summary>The smallest value (0 for categoricals).</summary>
    public required double Lower { get; init; }

    /// <summary>The largest value (ChoiceCount - 1 for categoricals).</summary>
    public required double Upper { get; init; }

    /// <summary>The default value (a choice index for categoricals).</summary>
    public double DefaultValue { get; init; }

    /// <summary>The values of a categorical, in index order; empty for numbers.</summary>
    public IReadOnlyList<Parameter> Choices { get; init; } = [];

    /// <summary>The number of values of a categorical (0 for numbers).</summary>
    public int ChoiceCount => Choices.Count;

    /// <summary>The type of the parameter written for this dimension.</summary>
    public ParameterType ValueType { get; init; } = ParameterType.Number;

    /// <summary>True for the categorical that selects a conditional branch.</summary>
    public bool IsBranchSelector { get; init; }

    /// <summary>When set, the dimension is active only in the given branches of its parent.</summary>
    public DimensionCondition? Condition { get; init; }

    /// <summary>True when the dimension may be inactive.</summary>
    public bool IsConditional => Condition is not null;

    /// <summary>True for continuous and integer dimensions.</summary>
    public bool IsNumeric => Kind != DimensionKind.Categorical;

    /// <summary>The value in the space a model should see: the natural log for log-scaled numbers, else the value.</summary>
    public double Warp(double value) => IsLog ? Math.Log(value) : value;

    /// <summary>The inverse of <see cref="Warp"/>.</summary>
    public double Unwarp(double warped) => IsLog ? Math.Exp(warped) : warped;

    /// <summary>The warped lower bound. For integers, the edge of the lowest integer's cell (k - 1/2).</summary>
    public double WarpedLower => Kind == DimensionKind.Integer ? Warp(Lower - 0.5) : Warp(Lower);

    /// <summary>The warped upper bound. For integers, the edge of the highest integer's cell (k + 1/2).</summary>
    public double WarpedUpper => Kind == DimensionKind.Integer ? Warp(Upper + 0.5) : Warp(Upper);

    /// <summary>The value scaled to [0,1] in warped space (integers by their cells).</summary>
    public double ToUnit(double value) =>
        WarpedUpper == WarpedLower ? 0.5 : Math.Clamp((Warp(value) - WarpedLower) / (WarpedUpper - WarpedLower), 0, 1);

    /// <summary>The valid value at a unit coordinate: the inverse of <see cref="ToUnit"/>, snapped to the dimension.</summary>
    public double FromUnit(double unit) => Snap(Unwarp(WarpedLower + Math.Clamp(unit, 0, 1) * (WarpedUpper - WarpedLower)));

    /// <summary>The nearest valid value: clamped to the range, rounded for integers and categoricals.</summary>
    public double Snap(double value) => Kind == DimensionKind.Continuous
        ? Math.Clamp(value, Lower, Upper)
        : Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), Lower, Upper);
}
