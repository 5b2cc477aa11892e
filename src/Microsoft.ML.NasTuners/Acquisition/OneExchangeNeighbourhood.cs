namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// The one-exchange neighbourhood of a point of a <see cref="ModelView"/> (raw values, NaN where inactive), as in
/// SMAC's local search: each neighbour changes exactly one active dimension.
/// <list type="bullet">
/// <item>A numeric dimension moves by a Gaussian step in unit scale (<see cref="Dimension.ToUnit"/>, so log-scaled
/// numbers move in log space), redrawn until it lands inside [0, 1]; an integer that would not change steps to a
/// neighbouring whole number instead. <see cref="NumericNeighbours"/> such moves per dimension.</item>
/// <item>A categorical dimension takes each of its other values.</item>
/// <item>When the changed categorical selects conditional branches, the dimensions it deactivates become NaN and the
/// ones it activates are drawn at random (uniform in unit scale, uniform over choices).</item>
/// </list>
/// </summary>
public sealed class OneExchangeNeighbourhood
{
    // A step that keeps leaving [0, 1] is clamped after this many draws, so a point on the boundary cannot stall.
    private const int MaxRedraws = 20;

    private readonly bool[] _isParent;
    private readonly UnitScales _scales;

    /// <summary>Creates the neighbourhood of a view.</summary>
    /// <param name="view">The model view.</param>
    /// <param name="numericNeighbours">Gaussian moves per numeric dimension. Default 4 (as in SMAC). At least 1.</param>
    /// <param name="numericStepSd">The standard deviation of a move in unit scale. Default 0.2 (as in SMAC). In (0, 1].</param>
    public OneExchangeNeighbourhood(ModelView view, int numericNeighbours = 4, double numericStepSd = 0.2)
    {
        View = view ?? throw new ArgumentNullException(nameof(view));
        if (numericNeighbours < 1)
            throw new ArgumentOutOfRangeException(nameof(numericNeighbours), numericNeighbours, "numericNeighbours must be at least 1.");
        if (!(numericStepSd > 0 && numericStepSd <= 1))
            throw new ArgumentOutOfRangeException(nameof(numericStepSd), numericStepSd, "numericStepSd must lie in (0, 1].");
        NumericNeighbours = numericNeighbours;
        NumericStepSd = numericStepSd;
        _scales = new UnitScales(view);
        _isParent = new bool[view.Count];
        foreach (var d in view.Dimensions)
        {
            if (d.Condition is not null) _isParent[d.Condition.ParentIndex] = true;
        }
    }

    /// <summary>The model view.</summary>
    public ModelView View { get; }

    /// <summary>Gaussian moves per numeric dimension.</summary>
    public int NumericNeighbours { get; }

    /// <summary>The standard deviation of a numeric move in unit scale.</summary>
    public double NumericStepSd { get; }

    /// <summary>Appends the neighbours of <paramref name="point"/> to <paramref name="into"/>, dimension by
    /// dimension; none equals the point.</summary>
    public void AddNeighbours(IReadOnlyList<double> point, Random random, List<double[]> into)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(into);
        if (point.Count != View.Count)
            throw new ArgumentException($"Expected {View.Count} values, got {point.Count}.", nameof(point));
        var values = point as double[] ?? Copy(point);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(value)) continue;
            var d = _scales[i];
            if (d.IsNumeric)
            {
                if (d.Lower == d.Upper) continue;
                for (var k = 0; k < NumericNeighbours; k++)
                {
                    var moved = MoveNumeric(i, value, random);
                    if (moved == value) continue;
                    var neighbour = (double[])values.Clone();
                    neighbour[i] = moved;
                    into.Add(neighbour);
                }
            }
            else
            {
                for (var c = 0; c < d.ChoiceCount; c++)
                {
                    if (c == (int)value) continue;
                    var neighbour = (double[])values.Clone();
                    neighbour[i] = c;
                    if (_isParent[i]) RepairActivity(neighbour, i, random);
                    into.Add(neighbour);
                }
            }
        }
    }

    /// <summary>One neighbour of <paramref name="point"/> drawn at random, as a mutation of evolutionary search: an
    /// active dimension that can change is chosen uniformly, then a categorical takes one of its other values uniformly
    /// (branches it opens are drawn at random) and a number takes one Gaussian step in unit scale. Null when no active
    /// dimension can change (every one is fixed).</summary>
    public double[]? RandomNeighbour(IReadOnlyList<double> point, Random random)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(random);
        if (point.Count != View.Count)
            throw new ArgumentException($"Expected {View.Count} values, got {point.Count}.", nameof(point));
        var values = Copy(point);
        var changeable = new List<int>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            var d = _scales[i];
            if (d.IsNumeric ? d.Lower < d.Upper : d.ChoiceCount > 1) changeable.Add(i);
        }
        if (changeable.Count == 0) return null;
        var index = changeable[random.Next(changeable.Count)];
        var dimension = _scales[index];
        if (dimension.IsNumeric)
        {
            // A continuous step can land on the same value only at a clamped boundary; a few redraws settle it.
            var moved = values[index];
            for (var attempt = 0; attempt < MaxRedraws && moved == values[index]; attempt++)
                moved = MoveNumeric(index, values[index], random);
            values[index] = moved;
        }
        else
        {
            // Uniform over the other values: draw from n - 1 and skip the current one.
            var current = (int)values[index];
            var other = random.Next(dimension.ChoiceCount - 1);
            values[index] = other >= current ? other + 1 : other;
            if (_isParent[index]) RepairActivity(values, index, random);
        }
        return values;
    }

    /// <summary>After dimension <paramref name="changed"/> changed, sets the dimensions it deactivated to NaN and
    /// draws the ones it activated. Parents precede their children in the view, so one pass suffices.</summary>
    public void RepairActivity(double[] point, int changed, Random random)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(random);
        for (var j = changed + 1; j < point.Length; j++)
        {
            var d = _scales[j];
            if (!d.IsConditional) continue;
            if (!_scales.IsActiveGivenParents(j, point)) point[j] = double.NaN;
            else if (double.IsNaN(point[j])) point[j] = d.IsNumeric ? _scales.FromUnit(j, random.NextDouble()) : random.Next(d.ChoiceCount);
        }
    }

    private double MoveNumeric(int index, double value, Random random)
    {
        var d = _scales[index];
        var unit = _scales.ToUnit(index, value);
        var moved = unit;
        for (var attempt = 0; attempt < MaxRedraws; attempt++)
        {
            var candidate = unit + NumericStepSd * Gaussian(random);
            if (candidate is >= 0 and <= 1)
            {
                moved = candidate;
                break;
            }
            moved = Math.Clamp(candidate, 0, 1);
        }
        var result = _scales.FromUnit(index, moved);
        if (result == value && d.Kind == DimensionKind.Integer)
        {
            // Too small a step for an integer's cell: go to the neighbouring whole number on the side it leaned to.
            var step = moved >= unit ? 1 : -1;
            if (value + step > d.Upper || value + step < d.Lower) step = -step;
            result = d.Snap(value + step);
        }
        return result;
    }

    private static double Gaussian(Random random)
    {
        // Box-Muller; 1 - NextDouble() lies in (0, 1], so the log is finite.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static double[] Copy(IReadOnlyList<double> point)
    {
        if (point is double[] array) return (double[])array.Clone();
        var copy = new double[point.Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = point[i];
        return copy;
    }
}
