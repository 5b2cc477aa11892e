namespace Microsoft.ML.NasTuners.Pipelines.Running;

/// <summary>A trained pipeline: <see cref="Scorer"/> writes the trainer's columns (a key <c>PredictedLabel</c> for
/// multiclass, which ML.NET's evaluator needs); <see cref="Model"/> is what the user gets, where the multiclass
/// prediction is mapped back to the class name.</summary>
internal sealed record FittedPipeline(ITransformer Scorer, ITransformer Model, string Description)
{
    /// <summary>The pipeline of <paramref name="scorer"/>, fitted on <paramref name="training"/>: for multiclass the
    /// model maps the predicted key back to the class name.</summary>
    public static FittedPipeline From(MLContext context, PipelineTask task, ITransformer scorer, IDataView training, string description)
    {
        if (task != PipelineTask.MulticlassClassification) return new FittedPipeline(scorer, scorer, description);
        var toName = context.Transforms.Conversion.MapKeyToValue("PredictedLabel", "PredictedLabel").Fit(scorer.Transform(training));
        return new FittedPipeline(scorer, new TransformerChain<ITransformer>(scorer, toName), description);
    }
}
