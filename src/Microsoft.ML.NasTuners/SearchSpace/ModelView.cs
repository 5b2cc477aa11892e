namespace Microsoft.ML.NasTuners;

/// <summary>
/// The model view of a search space: a flat list of typed dimensions that surrogate models use, so that a
/// categorical is never treated as an ordinal number and an inactive parameter never as a value.
/// A point of the view is a <c>double[]</c> of raw values (choice index for categoricals, NaN when inactive).
/// </summary>
public sealed class ModelView
{
    internal ModelView(IReadOnlyList<Dimension> dimensions)
    {
        Dimensions = dimensions;
        HasConditions = dimensions.Any(d => d.IsConditional);
    }

    /// <summary>The dimensions; a parent always comes before the dimensions it conditions.</summary>
    public IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>The number of dimensions.</summary>
    public int Count => Dimensions.Count;

    /// <summary>True when some dimension is conditional.</summary>
    public bool HasConditions { get; }

    /// <summary>The dimension with a given unique name.</summary>
    public Dimension this[string name] => Dimensions.FirstOrDefault(d => d.Name == name)
                                          ?? throw new KeyNotFoundException($"No dimension '{name}'. Dimensions: {string.Join(", ", Dimensions.Select(d => d.Name))}.");

    /// <summary>True when dimension <paramref name="index"/> is active at <paramref name="values"/> (its parents
    /// active and set to an enabling branch).</summary>
    public bool IsActive(int index, IReadOnlyList<double> values)
    {
        var condition = Dimensions[index].Condition;
        while (condition is not null)
        {
            var parent = values[condition.ParentIndex];
            if (double.IsNaN(parent) || !condition.ActiveValues.Contains((int)parent)) return false;
            condition = Dimensions[condition.ParentIndex].Condition;
        }
        return true;
    }

    /// <summary>The raw values of a parameter, NaN for inactive dimensions.</summary>
    public double[] Encode(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var values = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var d = Dimensions[i];
            if (!IsActive(i, values))
            {
                values[i] = double.NaN;
                continue;
            }
            var value = Container(parameter, d, create: false).TryGetValue(d.Key, out var v)
                ? v
                : throw new ArgumentException($"The parameter has no value for '{d.Name}'.", nameof(parameter));
            values[i] = d.Kind == DimensionKind.Categorical ? IndexOfChoice(d, value) : value.AsDouble();
        }
        return values;
    }

    /// <summary>The parameter at a point of the view: numbers snapped to their range (integers rounded),
    /// categoricals rounded to a choice index; values of inactive dimensions are ignored.</summary>
    public Parameter Decode(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Count)
            throw new ArgumentException($"Expected {Count} values, got {values.Count}.", nameof(values));
        var snapped = new double[Count];
        var result = Parameter.CreateNestedParameter();
        for (var i = 0; i < Count; i++)
        {
            var d = Dimensions[i];
            if (!IsActive(i, snapped))
            {
                snapped[i] = double.NaN;
                continue;
            }
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"Dimension '{d.Name}' is active but its value is {values[i]}.", nameof(values));
            snapped[i] = d.Snap(values[i]);
            Container(result, d, create: true)[d.Key] = ToParameter(d, snapped[i]);
        }
        return result;
    }

    /// <summary>A uniformly random point of the view (log-uniform for log-scaled numbers), NaN where inactive.</summary>
    public double[] Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var d = Dimensions[i];
            values[i] = !IsActive(i, values) ? double.NaN
                : d.Kind == DimensionKind.Categorical ? random.Next(d.ChoiceCount)
                : d.FromUnit(random.NextDouble());
        }
        return values;
    }

    private static Parameter ToParameter(Dimension d, double value) => d.Kind switch
    {
        DimensionKind.Categorical => d.Choices[(int)value],
        _ => d.ValueType switch
        {
            ParameterType.Integer => Parameter.FromInt((long)value),
            ParameterType.Float => Parameter.FromFloat((float)value),
            _ => Parameter.FromDouble(value),
        },
    };

    private static int IndexOfChoice(Dimension d, Parameter value)
    {
        for (var k = 0; k < d.ChoiceCount; k++)
        {
            if (d.Choices[k].Equals(value)) return k;
        }
        throw new ArgumentException($"{value} is not a value of '{d.Name}'. Values: {string.Join(", ", d.Choices)}.");
    }

    private static Parameter Container(Parameter root, Dimension d, bool create)
    {
        var current = root;
        foreach (var key in d.Place.ContainerPath)
        {
            if (!current.TryGetValue(key, out var next))
            {
                if (!create) throw new ArgumentException($"The parameter has no object '{key}' (needed for '{d.Name}').");
                next = Parameter.CreateNestedParameter();
                current[key] = next;
            }
            current = next;
        }
        return current;
    }
}
