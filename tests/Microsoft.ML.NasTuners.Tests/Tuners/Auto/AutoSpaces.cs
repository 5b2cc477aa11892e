namespace Microsoft.ML.NasTuners.Tests.Tuners.Auto;

/// <summary>Spaces of the kinds the automatic tuner's rules tell apart.</summary>
internal static class AutoSpaces
{
    public static SearchSpace Continuous(int dimensions)
    {
        var space = new SearchSpace();
        for (var i = 0; i < dimensions; i++)
            space[$"x{i}"] = new UniformDoubleOption(0, 1);
        return space;
    }

    public static SearchSpace WithLargeCategorical() => new()
    {
        ["x"] = new UniformDoubleOption(0, 1),
        ["kind"] = new ChoiceOption(Enumerable.Range(0, 10).Select(i => $"k{i}").ToArray()),
    };

    /// <summary>Two branches of small integers, 60 points in all (4 model-view dimensions, conditional), so a tuner
    /// that forgot the history would soon re-propose a finished point.</summary>
    public static SearchSpace SmallConditional() => new()
    {
        ["model"] = new ConditionalChoiceOption(
            ("a", new SearchSpace { ["i"] = new UniformIntOption(0, 9), ["j"] = new UniformIntOption(0, 4) }),
            ("b", new SearchSpace { ["k"] = new UniformIntOption(0, 9) })),
    };

    /// <summary>A smooth loss of any of the spaces above: the sum of every number in the parameter.</summary>
    public static double Loss(Parameter parameter) => Numbers(parameter).Sum();

    private static IEnumerable<double> Numbers(Parameter parameter) =>
        parameter.IsNumber ? [parameter.AsDouble()]
        : parameter.Type == ParameterType.Object ? parameter.Keys.SelectMany(key => Numbers(parameter[key]))
        : [];
}
