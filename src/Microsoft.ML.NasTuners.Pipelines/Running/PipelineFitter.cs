using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Featurization;
using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>Builds and fits one pipeline: the inferred featurisation, min-max normalisation where the trainer needs
/// it, the trainer, a Platt calibrator for a binary trainer that gives no probability (so AUC, log-loss and F1 are
/// all defined), and for multiclass the prediction mapped back to the class name.</summary>
internal sealed class PipelineFitter(Featurizer featurizer, PipelineTask task, string labelColumnName)
{
    public const string FeaturesColumn = "Features";

    /// <summary>Fits <paramref name="trainer"/> with <paramref name="parameter"/> (ML.NET's defaults when null).</summary>
    public FittedPipeline Fit(MLContext context, PipelineTrainer trainer, Parameter? parameter, Table training, double iterationFraction)
    {
        var input = new TrainerInput(labelColumnName, FeaturesColumn, trainer.UsesIterationFidelity ? iterationFraction : 1);
        var features = featurizer.Build(context, FeaturesColumn);
        var steps = new List<string> { featurizer.Describe() };
        if (trainer.NeedsNormalization)
        {
            features = features.Append(context.Transforms.NormalizeMinMax(FeaturesColumn));
            steps.Add("NormalizeMinMax");
        }
        var estimator = parameter is null ? trainer.CreateDefaultEstimator(context, input) : trainer.CreateEstimator(context, parameter, input);
        steps.Add(parameter is null ? $"{trainer.Name} (ML.NET defaults)" : $"{trainer.Name} {parameter}");
        IEstimator<ITransformer> pipeline = features.Append(estimator);
        var scorer = pipeline.Fit(training);
        if (task == PipelineTask.BinaryClassification && scorer.GetOutputSchema(training.Schema).GetColumnOrNull("Probability") is null)
        {
            var calibrator = context.BinaryClassification.Calibrators.Platt(labelColumnName).Fit(scorer.Transform(training));
            scorer = new TransformerChain<ITransformer>(scorer, calibrator);
            steps.Add("Platt calibration");
        }
        return FittedPipeline.From(context, task, scorer, training, string.Join(" | ", steps));
    }
}
