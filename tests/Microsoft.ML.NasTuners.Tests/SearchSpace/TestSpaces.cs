namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

/// <summary>Search spaces shared by the search-space tests.</summary>
internal static class TestSpaces
{
    /// <summary>The conditional, mixed-type space of the <c>mixed3</c> benchmark.</summary>
    public static NasTuners.SearchSpace Mixed3() => new()
    {
        ["branch"] = new ConditionalChoiceOption(
            ("A", new NasTuners.SearchSpace
            {
                ["A_C"] = new UniformDoubleOption(1e-2, 1e4, logBase: true),
                ["A_gamma"] = new UniformDoubleOption(1e-5, 1e1, logBase: true),
            }),
            ("B", new NasTuners.SearchSpace
            {
                ["B_n"] = new UniformIntOption(10, 1000, logBase: true),
                ["B_depth"] = new UniformIntOption(1, 12),
                ["B_lr"] = new UniformDoubleOption(1e-3, 1, logBase: true),
            }),
            ("C", new NasTuners.SearchSpace
            {
                ["C_units"] = new UniformIntOption(16, 1024, logBase: true),
                ["C_dropout"] = new UniformDoubleOption(0, 0.8),
                ["C_lr"] = new UniformDoubleOption(1e-5, 1e-1, logBase: true),
            })),
    };

    /// <summary>Numbers, a choice, a nested space and a conditional branch holding a nested space.</summary>
    public static NasTuners.SearchSpace Rich() => new()
    {
        ["lr"] = new UniformDoubleOption(1e-4, 1e-1, logBase: true, defaultValue: 1e-3),
        ["layers"] = new UniformIntOption(1, 8, defaultValue: 3),
        ["dropout"] = new UniformSingleOption(0f, 0.5f),
        ["activation"] = new ChoiceOption(["relu", "gelu", "silu"], "gelu"),
        ["batch"] = new ChoiceOption(16, 32, 64),
        ["flag"] = new ChoiceOption(true, false),
        ["optimizer"] = new NasTuners.SearchSpace
        {
            ["momentum"] = new UniformDoubleOption(0.5, 0.99),
            ["beta"] = new UniformDoubleOption(0.9, 0.999),
        },
        ["model"] = new ConditionalChoiceOption(
            ("tree", new NasTuners.SearchSpace
            {
                ["leaves"] = new UniformIntOption(4, 1024, logBase: true),
                ["shrink"] = new NasTuners.SearchSpace { ["rate"] = new UniformDoubleOption(0.01, 1) },
            }),
            ("linear", new NasTuners.SearchSpace { ["l2"] = new UniformDoubleOption(1e-6, 1, logBase: true) }),
            ("none", new NasTuners.SearchSpace())),
    };

    public static double[] RandomFeature(NasTuners.SearchSpace space, Random random) =>
        Enumerable.Range(0, space.FeatureSpaceDim).Select(_ => random.NextDouble()).ToArray();
}
