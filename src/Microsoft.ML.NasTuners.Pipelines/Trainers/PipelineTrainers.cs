using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using static Microsoft.ML.NasTuners.Pipelines.Trainers.TrainerOptionsFilling;

namespace Microsoft.ML.NasTuners.Pipelines.Trainers;

/// <summary>
/// The trainers searched by default, per task, each with its search space (<see cref="TrainerSpaces"/>, ranges cited
/// there and in docs/pipelines.md). Restrict them with <c>PipelineExperiment.SetTrainers</c>, change a range with
/// <see cref="PipelineTrainer.WithOption"/>, add your own with <c>PipelineExperiment.AddTrainer</c>.
/// </summary>
public static class PipelineTrainers
{
    /// <summary>The default trainers of <paramref name="task"/>.</summary>
    public static IReadOnlyList<PipelineTrainer> For(PipelineTask task) => task switch
    {
        PipelineTask.BinaryClassification => Binary(),
        PipelineTask.MulticlassClassification => Multiclass(),
        PipelineTask.Regression => Regression(),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
    };

    /// <summary>FastTree, FastForest, LightGbm, SDCA logistic regression, L-BFGS logistic regression, averaged perceptron.</summary>
    public static IReadOnlyList<PipelineTrainer> Binary()
    {
        const PipelineTask task = PipelineTask.BinaryClassification;
        return
        [
            PipelineTrainer.Create("FastTree", task, TrainerSpaces.FastTree(),
                (c, p, i) => c.BinaryClassification.Trainers.FastTree(Boosted(new FastTreeBinaryTrainer.Options(), p, i)),
                defaults: (c, i) => c.BinaryClassification.Trainers.FastTree(i.LabelColumnName, i.FeatureColumnName), usesIterationFidelity: true),
            PipelineTrainer.Create("FastForest", task, TrainerSpaces.FastForest(),
                (c, p, i) => c.BinaryClassification.Trainers.FastForest(Forest(new FastForestBinaryTrainer.Options(), p, i)),
                defaults: (c, i) => c.BinaryClassification.Trainers.FastForest(i.LabelColumnName, i.FeatureColumnName)),
            PipelineTrainer.Create("LightGbm", task, TrainerSpaces.LightGbm(),
                (c, p, i) => c.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    NumberOfIterations = i.ScaleIterations(p["NumberOfIterations"].AsInt()), NumberOfLeaves = p["NumberOfLeaves"].AsInt(),
                    MinimumExampleCountPerLeaf = p["MinimumExampleCountPerLeaf"].AsInt(), LearningRate = p["LearningRate"].AsDouble(),
                    Booster = Booster(p),
                }),
                defaults: (c, i) => c.BinaryClassification.Trainers.LightGbm(i.LabelColumnName, i.FeatureColumnName), usesIterationFidelity: true),
            PipelineTrainer.Create("SdcaLogisticRegression", task, TrainerSpaces.Linear(),
                (c, p, i) => c.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    L1Regularization = Single(p, "L1Regularization"), L2Regularization = Single(p, "L2Regularization"),
                }),
                needsNormalization: true,
                defaults: (c, i) => c.BinaryClassification.Trainers.SdcaLogisticRegression(i.LabelColumnName, i.FeatureColumnName)),
            PipelineTrainer.Create("LbfgsLogisticRegression", task, TrainerSpaces.Linear(),
                (c, p, i) => c.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    L1Regularization = Single(p, "L1Regularization"), L2Regularization = Single(p, "L2Regularization"),
                }),
                needsNormalization: true,
                defaults: (c, i) => c.BinaryClassification.Trainers.LbfgsLogisticRegression(i.LabelColumnName, i.FeatureColumnName)),
            PipelineTrainer.Create("AveragedPerceptron", task, TrainerSpaces.Perceptron(),
                (c, p, i) => c.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    LearningRate = Single(p, "LearningRate"), NumberOfIterations = p["NumberOfIterations"].AsInt(),
                    L2Regularization = Single(p, "L2Regularization"),
                }),
                needsNormalization: true,
                defaults: (c, i) => c.BinaryClassification.Trainers.AveragedPerceptron(i.LabelColumnName, i.FeatureColumnName)),
        ];
    }

    /// <summary>LightGbm, FastTree and FastForest one-versus-all, SDCA and L-BFGS maximum entropy.</summary>
    public static IReadOnlyList<PipelineTrainer> Multiclass()
    {
        const PipelineTask task = PipelineTask.MulticlassClassification;
        return
        [
            PipelineTrainer.Create("LightGbm", task, TrainerSpaces.LightGbm(),
                (c, p, i) => c.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    NumberOfIterations = i.ScaleIterations(p["NumberOfIterations"].AsInt()), NumberOfLeaves = p["NumberOfLeaves"].AsInt(),
                    MinimumExampleCountPerLeaf = p["MinimumExampleCountPerLeaf"].AsInt(), LearningRate = p["LearningRate"].AsDouble(),
                    Booster = Booster(p),
                }),
                defaults: (c, i) => c.MulticlassClassification.Trainers.LightGbm(i.LabelColumnName, i.FeatureColumnName), usesIterationFidelity: true),
            PipelineTrainer.Create("FastTreeOva", task, TrainerSpaces.FastTree(),
                (c, p, i) => c.MulticlassClassification.Trainers.OneVersusAll(
                    c.BinaryClassification.Trainers.FastTree(Boosted(new FastTreeBinaryTrainer.Options(), p, i)), i.LabelColumnName),
                defaults: (c, i) => c.MulticlassClassification.Trainers.OneVersusAll(
                    c.BinaryClassification.Trainers.FastTree(i.LabelColumnName, i.FeatureColumnName), i.LabelColumnName),
                usesIterationFidelity: true),
            PipelineTrainer.Create("FastForestOva", task, TrainerSpaces.FastForest(),
                (c, p, i) => c.MulticlassClassification.Trainers.OneVersusAll(
                    c.BinaryClassification.Trainers.FastForest(Forest(new FastForestBinaryTrainer.Options(), p, i)), i.LabelColumnName),
                defaults: (c, i) => c.MulticlassClassification.Trainers.OneVersusAll(
                    c.BinaryClassification.Trainers.FastForest(i.LabelColumnName, i.FeatureColumnName), i.LabelColumnName)),
            PipelineTrainer.Create("SdcaMaximumEntropy", task, TrainerSpaces.Linear(),
                (c, p, i) => c.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    L1Regularization = Single(p, "L1Regularization"), L2Regularization = Single(p, "L2Regularization"),
                }),
                needsNormalization: true,
                defaults: (c, i) => c.MulticlassClassification.Trainers.SdcaMaximumEntropy(i.LabelColumnName, i.FeatureColumnName)),
            PipelineTrainer.Create("LbfgsMaximumEntropy", task, TrainerSpaces.Linear(),
                (c, p, i) => c.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    L1Regularization = Single(p, "L1Regularization"), L2Regularization = Single(p, "L2Regularization"),
                }),
                needsNormalization: true,
                defaults: (c, i) => c.MulticlassClassification.Trainers.LbfgsMaximumEntropy(i.LabelColumnName, i.FeatureColumnName)),
        ];
    }

    /// <summary>FastTree, FastForest, LightGbm, SDCA, L-BFGS Poisson regression (for non-negative labels).</summary>
    public static IReadOnlyList<PipelineTrainer> Regression()
    {
        const PipelineTask task = PipelineTask.Regression;
        return
        [
            PipelineTrainer.Create("FastTree", task, TrainerSpaces.FastTree(),
                (c, p, i) => c.Regression.Trainers.FastTree(Boosted(new FastTreeRegressionTrainer.Options(), p, i)),
                defaults: (c, i) => c.Regression.Trainers.FastTree(i.LabelColumnName, i.FeatureColumnName), usesIterationFidelity: true),
            PipelineTrainer.Create("FastForest", task, TrainerSpaces.FastForest(),
                (c, p, i) => c.Regression.Trainers.FastForest(Forest(new FastForestRegressionTrainer.Options(), p, i)),
                defaults: (c, i) => c.Regression.Trainers.FastForest(i.LabelColumnName, i.FeatureColumnName)),
            PipelineTrainer.Create("LightGbm", task, TrainerSpaces.LightGbm(),
                (c, p, i) => c.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    NumberOfIterations = i.ScaleIterations(p["NumberOfIterations"].AsInt()), NumberOfLeaves = p["NumberOfLeaves"].AsInt(),
                    MinimumExampleCountPerLeaf = p["MinimumExampleCountPerLeaf"].AsInt(), LearningRate = p["LearningRate"].AsDouble(),
                    Booster = Booster(p),
                }),
                defaults: (c, i) => c.Regression.Trainers.LightGbm(i.LabelColumnName, i.FeatureColumnName), usesIterationFidelity: true),
            PipelineTrainer.Create("Sdca", task, TrainerSpaces.Linear(),
                (c, p, i) => c.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    L1Regularization = Single(p, "L1Regularization"), L2Regularization = Single(p, "L2Regularization"),
                }),
                needsNormalization: true,
                defaults: (c, i) => c.Regression.Trainers.Sdca(i.LabelColumnName, i.FeatureColumnName)),
            PipelineTrainer.Create("LbfgsPoissonRegression", task, TrainerSpaces.Linear(),
                (c, p, i) => c.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
                {
                    LabelColumnName = i.LabelColumnName, FeatureColumnName = i.FeatureColumnName,
                    L1Regularization = Single(p, "L1Regularization"), L2Regularization = Single(p, "L2Regularization"),
                }),
                needsNormalization: true,
                defaults: (c, i) => c.Regression.Trainers.LbfgsPoissonRegression(i.LabelColumnName, i.FeatureColumnName)),
        ];
    }

    private static GradientBooster.Options Booster(Parameter p) => new()
    {
        FeatureFraction = p["FeatureFraction"].AsDouble(),
        L1Regularization = p["L1Regularization"].AsDouble(),
        L2Regularization = p["L2Regularization"].AsDouble(),
    };
}
