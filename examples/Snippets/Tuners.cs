namespace Snippets;

/// <summary>The C# samples of docs/tuners/*.md.</summary>
public static class Tuners
{
    [Snippet("docs/tuners/tpe.md", "tpe")]
    public static async Task Tpe()
    {
        var mlContext = new MLContext(seed: 1);
        var space = ExampleSpace();
        #region snippet:tpe
        var tuner = new TpeTuner(space, new TpeOptions { Multivariate = true }, seed: 42);
        var result = await mlContext.Nas().CreateExperiment().SetSearchSpace(space).SetTuner(tuner)
            .SetObjective((p, _, _) => Train(p)).SetMaxTrials(200).RunAsync();
        #endregion
    }

    [Snippet("docs/tuners/auto.md", "auto")]
    public static async Task Auto(Microsoft.Extensions.Logging.ILogger logger)
    {
        var mlContext = new MLContext(seed: 1);
        var space = ExampleSpace();
        #region snippet:auto
        var tuner = new AutoTuner(space, new AutoTunerOptions { MaxTrials = 100, DegreeOfParallelism = 2 }, seed: 42, logger);
        var result = await mlContext.Nas().CreateExperiment().SetSearchSpace(space).SetTuner(tuner)
            .SetObjective((p, _, _) => Train(p)).SetMaxTrials(100).SetDegreeOfParallelism(2).RunAsync();
        foreach (var decision in tuner.Decisions)
            Console.WriteLine(decision);   // e.g. "auto: gp-map (rule: few dimensions) from trial 0"
        #endregion
    }

    [Snippet("docs/tuners/smac.md", "smac")]
    public static void Smac()
    {
        var space = ExampleSpace();
        #region snippet:smac
        var tuner = new SmacTuner(space, new SmacOptions { RandomProposalProbability = 0.2 }, seed: 42);
        #endregion
    }

    [Snippet("docs/tuners/gp-bo.md", "gp-bo")]
    public static void GpBo()
    {
        var space = ExampleSpace();
        #region snippet:gp-bo
        var tuner = new GpTuner(space, new GpOptions { HyperparameterMode = HyperparameterMode.SliceSampling }, seed: 42);
        #endregion
    }

    [Snippet("docs/tuners/multi-fidelity.md", "bohb-continuable")]
    public static async Task BohbWithContinuation()
    {
        var mlContext = new MLContext(seed: 1);
        var space = ExampleSpace();
        #region snippet:bohb-continuable
        var result = await mlContext.Nas().CreateExperiment()
            .SetSearchSpace(space)
            .SetTuner((space, seed) => new BohbTuner(space, new BohbOptions { MinBudget = 1, MaxBudget = 81 }, seed))
            .SetBudget(1, 81)
            .SetBudgetLimit(100 * 81)              // about a hundred full trainings' worth of epochs
            .SetMaxTrials(int.MaxValue)            // let the budget end the run
            .SetContinuableObjective<MyNet>((parameter, trial, net, ct) =>
            {
                net ??= new MyNet(parameter);                              // a new configuration starts at epoch 0
                for (var e = (int)(trial.PreviousBudget ?? 0); e < (int)trial.Budget!.Value; e++)
                    net.TrainOneEpoch(ct);
                return (net.ValidationLoss(), net);                         // the state to continue from
            })
            .RunAsync();
        #endregion
    }
}
