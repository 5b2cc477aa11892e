namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// The unit-scale maps of a <see cref="ModelView"/>'s dimensions (<see cref="Dimension.ToUnit"/>,
/// <see cref="Dimension.FromUnit"/>) and its random sampling (<see cref="ModelView.Sample"/>), with the warped bounds
/// cached: the <see cref="Dimension"/> members recompute them (logarithms) on every call, which dominates an
/// optimiser that moves and samples thousands of points per proposal. Results equal those of the view.
/// </summary>
internal sealed class UnitScales
{
    private readonly Dimension[] _dimensions;
    private readonly bool[] _isLog;
    private readonly double[] _warpedLower;
    private readonly double[] _warpedWidth;
    private readonly int[] _parent;
    private readonly bool[][] _enablingValues;

    public UnitScales(ModelView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        View = view;
        var n = view.Count;
        _dimensions = view.Dimensions.ToArray();
        _isLog = new bool[n];
        _warpedLower = new double[n];
        _warpedWidth = new double[n];
        _parent = new int[n];
        _enablingValues = new bool[n][];
        for (var i = 0; i < n; i++)
        {
            var d = _dimensions[i];
            _isLog[i] = d.IsLog;
            _warpedLower[i] = d.WarpedLower;
            _warpedWidth[i] = d.WarpedUpper - d.WarpedLower;
            _parent[i] = d.Condition?.ParentIndex ?? -1;
            if (d.Condition is { } condition)
            {
                var enabling = new bool[_dimensions[condition.ParentIndex].ChoiceCount];
                foreach (var v in condition.ActiveValues)
                {
                    if ((uint)v < (uint)enabling.Length) enabling[v] = true;
                }
                _enablingValues[i] = enabling;
            }
            else
            {
                _enablingValues[i] = [];
            }
        }
    }

    public ModelView View { get; }

    public int Count => _dimensions.Length;

    public Dimension this[int index] => _dimensions[index];

    /// <summary>As <see cref="Dimension.ToUnit"/>.</summary>
    public double ToUnit(int index, double value)
    {
        var width = _warpedWidth[index];
        if (width == 0) return 0.5;
        var warped = _isLog[index] ? Math.Log(value) : value;
        return Math.Clamp((warped - _warpedLower[index]) / width, 0, 1);
    }

    /// <summary>As <see cref="Dimension.FromUnit"/>.</summary>
    public double FromUnit(int index, double unit)
    {
        var warped = _warpedLower[index] + Math.Clamp(unit, 0, 1) * _warpedWidth[index];
        return _dimensions[index].Snap(_isLog[index] ? Math.Exp(warped) : warped);
    }

    /// <summary>As <see cref="ModelView.IsActive"/>, for a point whose parents' activity is already settled (a
    /// parent is NaN when inactive), which holds while filling a point in order.</summary>
    public bool IsActiveGivenParents(int index, ReadOnlySpan<double> values)
    {
        var parent = _parent[index];
        if (parent < 0) return true;
        var v = values[parent];
        if (double.IsNaN(v)) return false;
        var enabling = _enablingValues[index];
        var c = (int)v;
        return (uint)c < (uint)enabling.Length && enabling[c];
    }

    /// <summary>As <see cref="ModelView.Sample"/> (the same draws in the same order), into a span.</summary>
    public void Sample(Random random, Span<double> values)
    {
        for (var i = 0; i < _dimensions.Length; i++)
        {
            var d = _dimensions[i];
            values[i] = !IsActiveGivenParents(i, values) ? double.NaN
                : d.Kind == DimensionKind.Categorical ? random.Next(d.ChoiceCount)
                : FromUnit(i, random.NextDouble());
        }
    }
}
