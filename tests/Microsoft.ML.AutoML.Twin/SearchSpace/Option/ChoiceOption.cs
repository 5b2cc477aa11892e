namespace Microsoft.ML.SearchSpace.Option;

/// <summary>Choice i of n maps to i/n; a one-value choice takes no dimension.</summary>
public sealed class ChoiceOption : OptionBase
{
    public ChoiceOption(params object[] choices)
        : this(choices, choices[0])
    {
    }

    public ChoiceOption(object[] choices, object defaultChoice)
    {
        if (choices.Length == 0 || choices.Distinct().Count() != choices.Length)
            throw new ArgumentException("choices must be distinct and not empty", nameof(choices));
        Choices = choices.Select(Parameter.FromObject).ToArray();
        var defaultIndex = Array.IndexOf(choices, defaultChoice);
        if (defaultIndex < 0) throw new ArgumentException("the default is not a choice", nameof(defaultChoice));
        Default = FeatureSpaceDim == 0 ? [] : [(double)defaultIndex / Choices.Length];
    }

    public Parameter[] Choices { get; }

    public override int FeatureSpaceDim => Choices.Length == 1 ? 0 : 1;

    public override int?[] Step => FeatureSpaceDim == 0 ? [] : [Choices.Length];

    public override double[] MappingToFeatureSpace(Parameter param)
    {
        if (FeatureSpaceDim == 0) return [];
        var index = Array.FindIndex(Choices, c => c.ToString() == param.ToString());
        if (index < 0) throw new ArgumentException($"{param} is not one of the choices");
        return [(double)index / Choices.Length];
    }

    public override Parameter SampleFromFeatureSpace(double[] values)
    {
        if (values.Length != FeatureSpaceDim) throw new ArgumentException("wrong dimension", nameof(values));
        if (FeatureSpaceDim == 0) return Choices[0];
        return Choices[Math.Min((int)Math.Floor(values[0] * Choices.Length), Choices.Length - 1)];
    }
}
