namespace Snippets;

/// <summary>The C# samples of docs/search-spaces.md.</summary>
public static class SearchSpaces
{
    [Snippet("docs/search-spaces.md", "search-space")]
    public static void BuildASpace()
    {
        #region snippet:search-space
        var space = new SearchSpace
        {
            ["learningRate"] = new UniformDoubleOption(1e-4, 1e-1, logBase: true, defaultValue: 1e-3),
            ["layers"] = new UniformIntOption(1, 8),
            ["activation"] = new ChoiceOption("relu", "gelu", "silu"),
            // A conditional choice: each branch opens its own parameters.
            ["model"] = new ConditionalChoiceOption(
                ("tree", new SearchSpace { ["leaves"] = new UniformIntOption(4, 1024, logBase: true) }),
                ("linear", new SearchSpace { ["l2"] = new UniformDoubleOption(1e-6, 1, logBase: true) })),
        };
        #endregion
    }

    [Snippet("docs/search-spaces.md", "search-space-of-t")]
    public static void TypedSpace()
    {
        #region snippet:search-space-of-t
        // TrainerOptions is a class whose properties carry [Range], [Choice] or [BooleanChoice].
        var typed = new SearchSpace<TrainerOptions>();
        var tuner = new TpeTuner(typed, new TpeOptions(), seed: 1);
        TrainerOptions options = tuner.Propose(new TrialSettings { TrialId = 0 }).AsType<TrainerOptions>();
        #endregion
    }
}
