namespace Snippets;

/// <summary>The C# samples of docs/torchsharp.md.</summary>
public static class TorchSharpSearch
{
    [Snippet("docs/torchsharp.md", "torchsharp-cnn")]
    public static async Task CnnSearch()
    {
        var mlContext = new MLContext(seed: 1);
        #region snippet:torchsharp-cnn
        var split = DigitsDataset.Load();                               // 8x8 digits, fixed 60/20/20 split
        var runner = new CnnTrialRunner(split.Train, split.Validation, new CnnTrialRunnerOptions { MaxEpochs = 27, Seed = 1 });
        var result = await mlContext.Nas().ImageClassification(runner, new CnnSearchSpaceOptions { MaxStages = 3, MaxChannels = 64 })
            .SetTuner((space, seed) => new BohbTuner(space, new BohbOptions { MinBudget = 1, MaxBudget = 27, RoundBudgets = true }, seed))
            .SetTimeLimit(480)
            .RunAsync();
        var best = CnnConfiguration.FromParameter(result.BestTrial!.TrialSettings.Parameter);
        Console.WriteLine(best.Architecture.ToArchitectureString());
        #endregion
    }
}
