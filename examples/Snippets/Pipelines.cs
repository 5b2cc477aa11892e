using Microsoft.ML.NasTuners.Pipelines;
using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Snippets;

/// <summary>The C# samples of docs/pipelines.md.</summary>
public static class Pipelines
{
    [Snippet("docs/pipelines.md", "pipelines-quick")]
    public static async Task Quick()
    {
        #region snippet:pipelines-quick
        var mlContext = new MLContext(seed: 1);
        var data = TabularCsv.Load(mlContext, "data/tabular/house_votes84.csv");   // types inferred from the values
        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);

        var result = await mlContext.Nas()
            .BinaryClassification(split.TrainSet, labelColumnName: "label", testData: split.TestSet)
            .SetTimeLimit(30)
            .RunAsync();

        Console.WriteLine(result.EnsureModel().Description);          // featurisation | trainer {hyper-parameters}
        Console.WriteLine(result.TestMetrics![PipelineMetric.Auc]);
        mlContext.Model.Save(result.Model, result.InputSchema, "model.zip");
        #endregion
    }

    [Snippet("docs/pipelines.md", "pipelines-configure")]
    public static async Task Configure()
    {
        var mlContext = new MLContext(seed: 1);
        var train = TabularCsv.Load(mlContext, "data/tabular/letter.csv");
        using var cancel = new CancellationTokenSource();
        #region snippet:pipelines-configure
        var experiment = mlContext.Nas().MulticlassClassification(train, "label")
            .SetMetric(PipelineMetric.MacroAccuracy)               // direction handled: loss = 1 - macro-accuracy
            .SetValidation(PipelineValidation.CrossValidation(5))  // stratified
            .SetTrainers("LightGbm", "SdcaMaximumEntropy")
            .SetTuner(TunerKind.Bohb)                              // default: auto; budgets 1..9 are the fidelities
            .SetMaxTrials(200)
            .SetTimeLimit(120)
            .SetTrialTimeout(30)                                   // a trial past it is stopped through CancelExecution
            .SetDegreeOfParallelism(2)
            .SetStudy("letter", "studies.db");
        // Narrow one range of a default trainer: the trainer of the same name is replaced.
        var lightGbm = experiment.Trainers.Single(t => t.Name == "LightGbm");
        experiment.AddTrainer(lightGbm.WithOption("NumberOfLeaves", new UniformIntOption(8, 128, logBase: true)));

        var result = await experiment.RunAsync(cancel.Token);
        foreach (var trial in result.Trials)
            Console.WriteLine($"{trial.TrialId} {trial.Trainer} budget {trial.Budget}: {trial.Status} {trial.Metric}");
        #endregion
    }

    #region snippet:pipelines-own-trainer
    public sealed class GamOptions
    {
        [Microsoft.ML.SearchSpace.Range(10, 2000, 100, true)]
        public int Iterations { get; set; } = 100;

        [Microsoft.ML.SearchSpace.Range(0.001f, 0.1f, 0.002f, true)]
        public float LearningRate { get; set; } = 0.002f;
    }

    public static PipelineTrainer Gam() => PipelineTrainer.Create("Gam", PipelineTask.Regression, new SearchSpace<GamOptions>(),
        (context, options, input) => context.Regression.Trainers.Gam(input.LabelColumnName, input.FeatureColumnName,
            numberOfIterations: options.Iterations, learningRate: options.LearningRate));
    #endregion

    [Snippet("docs/pipelines.md", "pipelines-own-trainer")]
    public static PipelineExperiment OwnTrainer(MLContext mlContext, IDataView train) =>
        mlContext.Nas().Regression(train, "label").AddTrainer(Gam());
}
