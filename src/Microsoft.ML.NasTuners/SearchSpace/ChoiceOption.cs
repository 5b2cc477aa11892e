namespace Microsoft.ML.NasTuners;

/// <summary>
/// One value out of a list of choices (strings, numbers, Booleans or enum values). Choice <c>i</c> of <c>n</c> maps
/// to the feature coordinate <c>i/n</c>, as in ML.NET AutoML; the model view treats it as a categorical,
/// never as an ordinal number.
/// </summary>
public sealed class ChoiceOption : OptionBase
{
    private readonly Parameter[] _choices;

    /// <summary>Creates a choice whose default is the first choice.</summary>
    public ChoiceOption(params object[] choices)
        : this(choices, defaultChoice: null)
    {
    }

    /// <summary>Creates a choice with the given default.</summary>
    /// <param name="choices">The distinct values to choose from; at least one.</param>
    /// <param name="defaultChoice">The default value; the first choice when null.</param>
    public ChoiceOption(object[] choices, object? defaultChoice)
    {
        _choices = ToParameters(choices);
        DefaultIndex = 0;
        if (defaultChoice is not null)
        {
            var wanted = Parameter.TryFromPrimitive(defaultChoice)
                         ?? throw new ArgumentException($"Default choice {defaultChoice} is not a string, number, Boolean or enum.", nameof(defaultChoice));
            DefaultIndex = Array.FindIndex(_choices, c => c.Equals(wanted));
            if (DefaultIndex < 0)
                throw new ArgumentException($"Default choice {wanted} is not one of the choices [{string.Join(", ", _choices.Select(c => c.ToString()))}].", nameof(defaultChoice));
        }
    }

    /// <summary>The values to choose from, in the given order.</summary>
    public IReadOnlyList<Parameter> Choices => _choices;

    /// <summary>The index of the default choice.</summary>
    public int DefaultIndex { get; }

    /// <inheritdoc />
    public override int FeatureSpaceDim => 1;

    /// <inheritdoc />
    public override double[] Default => [(double)DefaultIndex / _choices.Length];

    /// <inheritdoc />
    public override Parameter SampleFromFeatureSpace(double[] feature)
    {
        CheckFeature(feature);
        return _choices[IndexAt(feature[0], _choices.Length)];
    }

    /// <inheritdoc />
    public override double[] MappingToFeatureSpace(Parameter parameter) => [(double)IndexOf(parameter) / _choices.Length];

    /// <summary>The position of <paramref name="parameter"/> among the choices.</summary>
    public int IndexOf(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var index = Array.FindIndex(_choices, c => c.Equals(parameter));
        return index >= 0
            ? index
            : throw new ArgumentException($"{parameter} is not one of the choices [{string.Join(", ", _choices.Select(c => c.ToString()))}].", nameof(parameter));
    }

    /// <summary>The index of the cell of width 1/n that holds <paramref name="u"/>; the small tolerance keeps i/n in cell i.</summary>
    internal static int IndexAt(double u, int n) => Math.Clamp((int)Math.Floor(u * n + 1e-9), 0, n - 1);

    internal static Parameter[] ToParameters(object[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length == 0) throw new ArgumentException("A choice needs at least one value.", nameof(choices));
        var result = new Parameter[choices.Length];
        for (var i = 0; i < choices.Length; i++)
        {
            var value = choices[i] ?? throw new ArgumentException($"Choice {i} is null.", nameof(choices));
            var p = Parameter.TryFromPrimitive(value);
            if (p is null || p.Type == ParameterType.Object)
                throw new ArgumentException($"Choice {i} ({value}) is not a string, number, Boolean or enum.", nameof(choices));
            if (result.Take(i).Any(prev => prev.Equals(p)))
                throw new ArgumentException($"Choice {p} appears more than once.", nameof(choices));
            result[i] = p;
        }
        return result;
    }

    internal override void AddDimensions(ModelViewBuilder builder, DimensionPlace place, DimensionCondition? condition) =>
        builder.Add(new Dimension
        {
            Place = place,
            Kind = DimensionKind.Categorical,
            Lower = 0,
            Upper = _choices.Length - 1,
            DefaultValue = DefaultIndex,
            Choices = _choices,
            Condition = condition,
            ValueType = ParameterType.String,
        });
}
