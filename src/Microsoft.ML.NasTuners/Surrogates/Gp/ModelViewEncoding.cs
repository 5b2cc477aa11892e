namespace Microsoft.ML.NasTuners.Surrogates.Gp;

/// <summary>
/// The columns a GP sees for a <see cref="ModelView"/>: one column in [0,1] per numeric dimension (its
/// <see cref="Dimension.ToUnit"/>, so log-scaled and integer dimensions are already warped) and one column per
/// choice of a categorical (one-hot, so choices are never ordered) — up to <see cref="OneHotLimit"/> choices. A wider
/// categorical takes one column holding its choice, (index + ½) / K for K choices, which the kernel compares only for
/// equality (<see cref="IsChoiceColumn"/>): one-hot columns, each with its own length-scale, made the kernel's cost
/// and the number of hyper-parameters grow with K (a 1,000-choice categorical took over a minute per proposal).
/// An inactive conditional dimension takes <see cref="InactiveValue"/> in its numeric or choice column and zeros in
/// its one-hot columns: every inactive point looks the same to the kernel, which is crude — spaces with many
/// conditions are better served by SMAC or TPE.
/// </summary>
public sealed class ModelViewEncoding
{
    /// <summary>The value of the column of an inactive numeric dimension.</summary>
    public const double InactiveValue = 0;

    /// <summary>The most choices a categorical is one-hot encoded with; wider ones take a single choice column.</summary>
    public const int OneHotLimit = 16;

    private readonly int[] _firstColumn;
    private readonly int[] _dimensionOfColumn;

    /// <summary>Creates the encoding of a model view.</summary>
    public ModelViewEncoding(ModelView view)
    {
        View = view ?? throw new ArgumentNullException(nameof(view));
        _firstColumn = new int[view.Count];
        var columns = new List<int>();
        for (var i = 0; i < view.Count; i++)
        {
            _firstColumn[i] = columns.Count;
            var width = IsOneHot(view.Dimensions[i]) ? view.Dimensions[i].ChoiceCount : 1;
            for (var k = 0; k < width; k++) columns.Add(i);
        }
        _dimensionOfColumn = columns.ToArray();
        ChoiceColumns = Enumerable.Range(0, Dimension).Where(IsChoiceColumn).ToArray();
        IsContinuous = !view.HasConditions && view.Dimensions.All(d => d.Kind == DimensionKind.Continuous);
    }

    /// <summary>True when every dimension is continuous and unconditional: then every point of the cube is valid and
    /// rounding is the identity.</summary>
    public bool IsContinuous { get; }

    /// <summary>The model view.</summary>
    public ModelView View { get; }

    /// <summary>The number of columns.</summary>
    public int Dimension => _dimensionOfColumn.Length;

    /// <summary>The first column of model-view dimension <paramref name="dimensionIndex"/>.</summary>
    public int FirstColumn(int dimensionIndex) => _firstColumn[dimensionIndex];

    /// <summary>The model-view dimension a column belongs to.</summary>
    public int DimensionOfColumn(int column) => _dimensionOfColumn[column];

    /// <summary>True when a column holds a numeric (continuous or integer) dimension.</summary>
    public bool IsNumericColumn(int column) => View.Dimensions[_dimensionOfColumn[column]].IsNumeric;

    /// <summary>True when a column holds the choice of a categorical wider than <see cref="OneHotLimit"/>: a kernel
    /// must compare its values only for equality, as their order means nothing.</summary>
    public bool IsChoiceColumn(int column) => View.Dimensions[_dimensionOfColumn[column]] is { Kind: DimensionKind.Categorical } d && !IsOneHot(d);

    /// <summary>The choice columns (see <see cref="IsChoiceColumn"/>), ascending.</summary>
    public IReadOnlyList<int> ChoiceColumns { get; }

    /// <summary>True when a column holds a continuous dimension (the only columns an acquisition gradient moves).</summary>
    public bool IsContinuousColumn(int column) => View.Dimensions[_dimensionOfColumn[column]].Kind == DimensionKind.Continuous;

    /// <summary>The columns of a point of the model view (raw values, NaN where inactive).</summary>
    public double[] Encode(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != View.Count) throw new ArgumentException($"Expected {View.Count} values, got {values.Count}.", nameof(values));
        var result = new double[Dimension];
        for (var i = 0; i < View.Count; i++)
        {
            var d = View.Dimensions[i];
            var v = values[i];
            var first = _firstColumn[i];
            if (d.Kind == DimensionKind.Categorical)
            {
                if (double.IsNaN(v)) continue;
                var index = (int)Math.Round(v);
                if (index < 0 || index >= d.ChoiceCount)
                    throw new ArgumentException($"Dimension '{d.Name}' has choice index {v}; allowed 0..{d.ChoiceCount - 1}.", nameof(values));
                if (IsOneHot(d)) result[first + index] = 1;
                else result[first] = (index + 0.5) / d.ChoiceCount;
            }
            else
            {
                result[first] = double.IsNaN(v) ? InactiveValue : d.ToUnit(v);
            }
        }
        return result;
    }

    /// <summary>The point of the model view at a point of the columns: numbers through <see cref="Dimension.FromUnit"/>
    /// (so integers are rounded), categoricals by their largest one-hot column or the choice their choice column holds, NaN for inactive dimensions.</summary>
    public double[] Decode(ReadOnlySpan<double> columns)
    {
        if (columns.Length != Dimension) throw new ArgumentException($"Expected {Dimension} columns, got {columns.Length}.", nameof(columns));
        var values = new double[View.Count];
        for (var i = 0; i < View.Count; i++)
        {
            if (!View.IsActive(i, values))
            {
                values[i] = double.NaN;
                continue;
            }
            var d = View.Dimensions[i];
            var first = _firstColumn[i];
            if (d.Kind == DimensionKind.Categorical && !IsOneHot(d))
            {
                var u = columns[first];
                values[i] = double.IsFinite(u) ? Math.Clamp((int)Math.Floor(u * d.ChoiceCount), 0, d.ChoiceCount - 1) : 0;
            }
            else if (d.Kind == DimensionKind.Categorical)
            {
                var best = 0;
                for (var k = 1; k < d.ChoiceCount; k++)
                {
                    if (columns[first + k] > columns[first + best]) best = k;
                }
                values[i] = best;
            }
            else
            {
                var u = columns[first];
                values[i] = d.FromUnit(double.IsFinite(u) ? u : 0.5);
            }
        }
        return values;
    }

    private static bool IsOneHot(Dimension d) => d.Kind == DimensionKind.Categorical && d.ChoiceCount <= OneHotLimit;

    /// <summary>The valid point a point of the columns stands for: <c>Encode(Decode(columns))</c>.</summary>
    public double[] Canonicalize(ReadOnlySpan<double> columns) => Encode(Decode(columns));
}
