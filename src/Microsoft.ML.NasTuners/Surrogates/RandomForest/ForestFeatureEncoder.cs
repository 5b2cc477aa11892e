namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// Turns points of a <see cref="ModelView"/> (raw values, NaN where inactive) into the features of a
/// <see cref="RandomForest"/>: a numeric dimension becomes its unit value (see <see cref="Dimension.ToUnit"/>, so
/// log-scaled numbers are split in log space), or <see cref="InactiveNumericValue"/> when inactive; a categorical
/// becomes its choice index, or one extra category (index <see cref="Dimension.ChoiceCount"/>) when inactive. Both
/// imputations lie outside the active values, so a single split separates the points where a dimension is inactive.
/// </summary>
public sealed class ForestFeatureEncoder
{
    /// <summary>The feature of an inactive numeric dimension: below the unit interval of active values.</summary>
    public const double InactiveNumericValue = -1;

    // Cached per dimension: Dimension.ToUnit recomputes its warped bounds (logarithms) on every call.
    private readonly bool[] _isNumeric;
    private readonly bool[] _isLog;
    private readonly double[] _warpedLower;
    private readonly double[] _warpedWidth;
    private readonly int[] _categoryCounts;
    private readonly int[] _inactiveCategory;

    /// <summary>Creates the encoder of a view.</summary>
    public ForestFeatureEncoder(ModelView view)
    {
        View = view ?? throw new ArgumentNullException(nameof(view));
        var n = view.Count;
        _isNumeric = new bool[n];
        _isLog = new bool[n];
        _warpedLower = new double[n];
        _warpedWidth = new double[n];
        _categoryCounts = new int[n];
        _inactiveCategory = new int[n];
        for (var i = 0; i < n; i++)
        {
            var d = view.Dimensions[i];
            if (d.IsNumeric)
            {
                _isNumeric[i] = true;
                _isLog[i] = d.IsLog;
                _warpedLower[i] = d.WarpedLower;
                _warpedWidth[i] = d.WarpedUpper - d.WarpedLower;
            }
            else
            {
                _inactiveCategory[i] = d.ChoiceCount;
                _categoryCounts[i] = d.ChoiceCount + (d.IsConditional ? 1 : 0);
            }
        }
    }

    /// <summary>The view.</summary>
    public ModelView View { get; }

    /// <summary>The forest's category counts: 0 for numeric dimensions, the choice count (plus one for the inactive
    /// category of a conditional dimension) for categoricals.</summary>
    public IReadOnlyList<int> CategoryCounts => _categoryCounts;

    /// <summary>The number of features (one per dimension).</summary>
    public int FeatureCount => _categoryCounts.Length;

    /// <summary>Writes the features of a point of the view into <paramref name="features"/>.</summary>
    public void Encode(ReadOnlySpan<double> values, Span<double> features)
    {
        if (values.Length != FeatureCount || features.Length < FeatureCount)
            throw new ArgumentException($"Expected {FeatureCount} values and room for {FeatureCount} features.");
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (_isNumeric[i])
            {
                if (double.IsNaN(v))
                {
                    features[i] = InactiveNumericValue;
                }
                else
                {
                    var width = _warpedWidth[i];
                    var warped = _isLog[i] ? Math.Log(v) : v;
                    features[i] = width == 0 ? 0.5 : Math.Clamp((warped - _warpedLower[i]) / width, 0, 1);
                }
            }
            else
            {
                features[i] = double.IsNaN(v) ? _inactiveCategory[i] : v;
            }
        }
    }

    /// <summary>The features of a point of the view.</summary>
    public double[] Encode(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var raw = values as double[] ?? values.ToArray();
        var features = new double[FeatureCount];
        Encode(raw, features);
        return features;
    }
}
