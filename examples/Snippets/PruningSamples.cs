namespace Snippets;

/// <summary>The C# samples of docs/pruning.md.</summary>
public static class PruningSamples
{
    [Snippet("docs/pruning.md", "prune-in-loop")]
    public static async Task PruneInLoop()
    {
        var mlContext = new MLContext(seed: 1);
        var space = ExampleSpace();
        #region snippet:prune-in-loop
        var result = await mlContext.Nas().CreateExperiment()
            .SetSearchSpace(space)
            .SetPruner(new MedianPruner())          // or SuccessiveHalvingPruner, HyperbandPruner, PercentilePruner
            .SetObjective((parameter, trial, ct) =>
            {
                var net = new MyNet(parameter);
                for (var epoch = 1; epoch <= 20; epoch++)
                {
                    net.TrainOneEpoch(ct);
                    if (trial.Report(epoch, net.ValidationLoss())) trial.Prune();   // ends the trial as Pruned
                }
                return net.ValidationLoss();
            })
            .SetMaxTrials(50)
            .RunAsync();
        #endregion
    }

    [Snippet("docs/pruning.md", "prune-cnn")]
    public static async Task PruneCnn()
    {
        var mlContext = new MLContext(seed: 1);
        var split = DigitsDataset.Load();
        var runner = new CnnTrialRunner(split.Train, split.Validation, new CnnTrialRunnerOptions { MaxEpochs = 27, Seed = 1 });
        #region snippet:prune-cnn
        var result = await mlContext.Nas().ImageClassification(runner)
            .SetPruner(new SuccessiveHalvingPruner(minResource: 1))
            .SetMaxTrials(50)
            .RunAsync();
        #endregion
        Console.WriteLine(result.BestTrial);
    }
}
