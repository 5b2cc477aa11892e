namespace Snippets;

/// <summary>The C# samples of The front page, README.md.</summary>
public static class Readme
{
    [Snippet("README.md", "readme-tour")]
    public static async Task Tour()
    {
        #region snippet:readme-tour
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

        var result = await new MLContext(seed: 1).Nas().CreateExperiment()
            .SetSearchSpace(space)
            .SetTuner((s, seed) => new TpeTuner(s, new TpeOptions { Multivariate = true }, seed)) // or SobolTuner, SmacTuner, ...
            .SetObjective((parameter, trial, cancellationToken) => Train(parameter)) // returns a loss to minimise
            .SetMaxTrials(50)
            .SetDegreeOfParallelism(2)   // the tuner knows about pending trials, so workers spread out
            .SetSeed(42)
            .RunAsync();

        Console.WriteLine($"{result.StopReason}: best loss {result.BestLoss}");
        Console.WriteLine(result.BestTrial?.TrialSettings.Parameter);
        #endregion
    }

    [Snippet("README.md", "readme-propose-update")]
    public static void ProposeAndUpdate()
    {
        var space = ExampleSpace();
        #region snippet:readme-propose-update
        var tuner = new SmacTuner(space, new SmacOptions(), seed: 42);
        for (var id = 0; id < 20; id++)
        {
            var settings = new TrialSettings { TrialId = id };
            settings.Parameter = tuner.Propose(settings);
            tuner.Update(new TrialResult { TrialSettings = settings, Loss = Train(settings.Parameter) });
        }
        #endregion
    }
}
